package jp.tsunagu.shared;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Uploaded CSV / TSV text: the encodings Japanese offices save in, and RFC 4180 rows. */
public final class DelimitedText {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private DelimitedText() {
    }

    /** UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Shift_JIS (Windows-31J). */
    public static String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            // Japanese that decodes as UTF-8 around a few bytes that do not: a UTF-8 file with broken bytes (cut
            // off, overlong, a lone surrogate), refused where it is broken instead of read as Shift_JIS mojibake.
            // Shift_JIS read as UTF-8 breaks almost everywhere (the odd byte run happens to decode); broken UTF-8
            // decodes almost everywhere: most of its non-ASCII bytes belong to characters that decode.
            String lenient = new String(body, StandardCharsets.UTF_8);
            long nonAscii = 0;
            for (byte b : body) {
                nonAscii += b < 0 ? 1 : 0;
            }
            long decoded = lenient.codePoints().filter(c -> c >= 0x80 && c != 0xFFFD)
                    .mapToLong(c -> c < 0x800 ? 2 : c < 0x10000 ? 3 : 4).sum();
            if (decoded * 2 > nonAscii) {
                int line = (int) lenient.substring(0, lenient.indexOf('\uFFFD')).chars().filter(c -> c == '\n').count() + 1;
                throw ProblemException.invalid("file", line + " 行目に UTF-8 として壊れた文字があります（途中で切れた、または不正なバイト列）");
            }
            try {
                return SHIFT_JIS.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e2) {
                throw ProblemException.invalid("file", "文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）");
            }
        }
    }

    /** RFC 4180 quoting for either separator: quoted cells may hold separators, quotes and line breaks. */
    public static List<List<String>> rows(String text, char separator) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).get();
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            try {
                for (CSVRecord record : parser) {
                    rows.add(record.toList());
                }
            } catch (UncheckedIOException e) {
                throw ProblemException.invalid("file", (parser.getCurrentLineNumber() + 1) + " 行目あたり: 引用符（\"）が閉じられていないか、引用符の後に文字があります");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}

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

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Modifier;

/**
 * Prints a SQL statement exactly as the built API sends it: the value of a {@code private static final String} of
 * one of its classes, read by reflection from the built jar (so neither a copy nor a parse of the Java source), with
 * its JDBC placeholders ({@code ?}) replaced in order by the given texts (e.g. psql or pgbench variables).
 *
 * <pre>java -cp 'backend/target/quarkus-app/app/*:backend/target/quarkus-app/lib/main/*' bench/batch-check/Statement.java \
 *     jp.tsunagu.request.BacklogCandidates PAIRS ":'ids'" :w1 :w2 :w3 :w4 :w5</pre>
 *
 * With {@code --raw} instead of replacements, the statement as it is.
 *
 * Fails if the number of placeholders is not the number of replacements, or if the statement contains a character
 * that would make a plain {@code ?} ambiguous (a quoted {@code ?}, or a {@code ?|}, {@code ?&} or {@code ??} operator).
 */
public class Statement {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: Statement CLASS FIELD [--raw | REPLACEMENT…]");
        }
        Class<?> type = Class.forName(args[0], false, Statement.class.getClassLoader());
        Field field = type.getDeclaredField(args[1]);
        if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
            throw new IllegalArgumentException(args[0] + "." + args[1] + " is not a static String");
        }
        field.setAccessible(true);
        String sql = (String) field.get(null);
        // UTF-8 whatever the locale (the statements have Japanese text in them; under LC_ALL=C, System.out is ASCII).
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        if (args.length == 3 && args[2].equals("--raw")) {
            out.print(sql); // as it is, placeholders and all
            out.flush();
            return;
        }
        int wanted = args.length - 2;
        StringBuilder sqlOut = new StringBuilder(sql.length() + 64);
        int found = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c != '?') {
                sqlOut.append(c);
                continue;
            }
            char next = i + 1 < sql.length() ? sql.charAt(i + 1) : ' ';
            if (quoted || next == '|' || next == '&' || next == '?') {
                throw new IllegalStateException("a ? that is not a placeholder at offset " + i);
            }
            found++;
            sqlOut.append(found <= wanted ? args[1 + found] : "?");
        }
        if (found != wanted) {
            throw new IllegalStateException(args[0] + "." + args[1] + " has " + found + " placeholders, " + wanted + " replacements given");
        }
        out.print(sqlOut);
        out.flush();
    }
}

package no.partnerskap.projections.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How projectors write their tables. Inside a unit of work (a processor's batch of events) the
 * statements are held and sent when the batch commits: per table in the order they were made,
 * runs of the same statement as one JDBC batch. Each statement touches one table and reads no
 * other, so a table sees exactly the changes it would have seen one by one; only the order
 * between tables changes. A statement that reads another table first sends what is held, then
 * runs at once. Outside a unit of work every statement runs at once.
 */
@Component
public class ReadModelWrites {

    private static final Pattern TARGET = Pattern.compile("^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);

    /** U+0000 or a surrogate code point, that is, one not paired (a pair is matched as one code point). */
    private static final Pattern NOT_IN_JSONB = Pattern.compile("[\\x{0}\\x{D800}-\\x{DFFF}]");

    private final JdbcTemplate jdbc;
    /** Projectors use a few constant statements: each is parsed once. */
    private final Map<String, Optional<String>> heldTable = new ConcurrentHashMap<>();

    public ReadModelWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Statement(String sql, Object[] args) {
    }

    /** The statements held for one unit of work, by table in order of first use. */
    private final class Held {
        private final Map<String, List<Statement>> byTable = new LinkedHashMap<>();

        void add(String table, Statement statement) {
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(statement);
        }

        void send() {
            for (List<Statement> statements : byTable.values()) {
                int from = 0;
                while (from < statements.size()) {
                    String sql = statements.get(from).sql();
                    int to = from;
                    List<Object[]> args = new ArrayList<>();
                    while (to < statements.size() && statements.get(to).sql().equals(sql)) {
                        args.add(statements.get(to++).args());
                    }
                    if (args.size() == 1) {
                        jdbc.update(sql, args.get(0));
                    } else {
                        jdbc.batchUpdate(sql, args);
                    }
                    from = to;
                }
            }
            byTable.clear();
        }
    }

    public void update(String sql, Object... args) {
        storable(args);
        Optional<String> table = heldTable.computeIfAbsent(sql, ReadModelWrites::heldTableOf);
        if (!CurrentUnitOfWork.isStarted() || table.isEmpty()) {
            if (CurrentUnitOfWork.isStarted()) {
                held(CurrentUnitOfWork.get()).send();
            }
            jdbc.update(sql, args);
            return;
        }
        held(CurrentUnitOfWork.get()).add(table.get(), new Statement(sql, args));
    }

    /**
     * PostgreSQL's text cannot hold U+0000, which JSON and so an event can: a stored event with one would stop
     * its processor for good. It is shown as U+FFFD, the character for one that cannot be shown, and so is half
     * a surrogate pair (which the driver would send as "?"); in an argument's text and in an array of texts
     * (evidence links).
     */
    private static void storable(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String text && mayNeedReplacing(text)) {
                args[i] = storableText(text);
            } else if (args[i] instanceof String[] texts) {
                storable(texts);
            }
        }
    }

    /** A quick look before the pattern's: whether the text holds U+0000 or any surrogate at all. */
    private static boolean mayNeedReplacing(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Text as PostgreSQL holds it, in a text column and in {@code jsonb}: U+0000 and half a surrogate pair
     * (which events stored by older versions hold) become U+FFFD; a whole pair stays. Jackson writes either as a
     * JSON escape, which {@code jsonb} refuses.
     */
    public static String storableText(String text) {
        return text == null ? null : NOT_IN_JSONB.matcher(text).replaceAll("\uFFFD");
    }

    /**
     * Empties a projector's tables for a rebuild, in one statement. TRUNCATE rather than DELETE: a
     * delete leaves every row dead, autovacuum then finds the tables empty and records them so, and
     * the statements the rebuild prepares next are planned for empty tables, a scan of the whole table
     * for each update by key, a plan they keep while the rebuild refills it: the likely reason one replay
     * ran 6x slower.
     * A truncated table's size counts as unknown until it is next analysed.
     */
    public void clear(List<String> tables) {
        update("truncate table " + String.join(", ", tables));
    }

    /** The one table a statement writes, or empty when it must run at once (it reads another table). */
    private static Optional<String> heldTableOf(String sql) {
        Matcher target = TARGET.matcher(sql);
        if (!target.find() || sql.toLowerCase(Locale.ROOT).contains("select")) {
            return Optional.empty();
        }
        return Optional.of(target.group(1).toLowerCase(Locale.ROOT));
    }

    private Held held(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(ReadModelWrites.class.getName(), key -> {
            Held held = new Held();
            root.onPrepareCommit(u -> held.send());
            return held;
        });
    }
}

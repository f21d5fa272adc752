package no.partnerskap.api.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The official list of the 169 SDG targets, with the goals' names in English and Norwegian. */
public final class SdgCatalogue {

    public record Goal(int number, String nameEn, String nameNb) {
    }

    public record Target(String code, Goal goal) {
    }

    private static final SdgCatalogue OFFICIAL = load();

    private final Map<Integer, Goal> goals;
    private final Map<String, Target> targets;

    private SdgCatalogue(Map<Integer, Goal> goals, Map<String, Target> targets) {
        this.goals = Collections.unmodifiableMap(goals);
        this.targets = Collections.unmodifiableMap(targets);
    }

    public static SdgCatalogue official() {
        return OFFICIAL;
    }

    public boolean isTarget(String code) {
        return code != null && targets.containsKey(code);
    }

    public Optional<Target> target(String code) {
        return Optional.ofNullable(targets.get(code));
    }

    public Optional<Goal> goal(int number) {
        return Optional.ofNullable(goals.get(number));
    }

    public List<Goal> goals() {
        return new ArrayList<>(goals.values());
    }

    public List<Target> targets() {
        return new ArrayList<>(targets.values());
    }

    private static SdgCatalogue load() {
        Map<Integer, Goal> goals = new LinkedHashMap<>();
        Map<String, Target> targets = new LinkedHashMap<>();
        try (InputStream in = SdgCatalogue.class.getResourceAsStream("sdg-targets.csv")) {
            if (in == null) {
                throw new IllegalStateException("sdg-targets.csv missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header: goal,target,goal_name_en,goal_name_nb
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = csvCells(line);
                int number = Integer.parseInt(cells.get(0));
                Goal goal = goals.computeIfAbsent(number, n -> new Goal(n, cells.get(2), cells.get(3)));
                targets.put(cells.get(1), new Target(cells.get(1), goal));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SdgCatalogue(goals, targets);
    }

    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

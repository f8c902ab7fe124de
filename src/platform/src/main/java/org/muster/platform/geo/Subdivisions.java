package org.muster.platform.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ISO 3166-2 subdivisions, read from data ({@value #RESOURCE}, columns {@code code,country,name,type}), not code.
 *
 * <p>{@link #bundled()} is loaded once from the classpath. Lookups take codes in any case and surrounding spaces;
 * a code that is not in the data does not exist, and callers reject it.
 */
public final class Subdivisions {

    public static final String RESOURCE = "geo/iso3166-2.csv";
    static final String HEADER = "code,country,name,type";

    private final Map<String, Subdivision> byCode;
    private final Map<String, List<Subdivision>> byCountry;

    private Subdivisions(List<Subdivision> rows) {
        Map<String, Subdivision> codes = new LinkedHashMap<>();
        Map<String, List<Subdivision>> countries = new TreeMap<>();
        for (Subdivision row : rows) {
            codes.put(row.code(), row);
            countries.computeIfAbsent(row.country(), c -> new ArrayList<>()).add(row);
        }
        countries.replaceAll((country, list) -> List.copyOf(list));
        this.byCode = Collections.unmodifiableMap(codes);
        this.byCountry = Collections.unmodifiableMap(countries);
    }

    /** The subdivisions shipped with Muster, loaded once from {@value #RESOURCE} on the classpath. */
    public static Subdivisions bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Reads subdivisions from CSV: the header {@code code,country,name,type}, then one row per subdivision.
     *
     * @throws IllegalArgumentException if the data is malformed: wrong header or column count, an unknown country,
     *                                  a code not of its country, a duplicate code
     */
    public static Subdivisions read(Reader csv) {
        List<Subdivision> rows = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        try (BufferedReader in = new BufferedReader(csv)) {
            String header = in.readLine();
            if (header == null || !HEADER.equals(stripBom(header).strip())) {
                throw new IllegalArgumentException("expected header '" + HEADER + "' but found '" + header + "'");
            }
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Subdivision row = parse(line, lineNumber);
                if (!seen.add(row.code())) {
                    throw new IllegalArgumentException("line " + lineNumber + ": duplicate code " + row.code());
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Subdivisions(rows);
    }

    /** Whether {@code code} is a known subdivision. */
    public boolean exists(String code) {
        return find(code).isPresent();
    }

    public Optional<Subdivision> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(normalise(code)));
    }

    /** The subdivisions of an ISO 3166-1 alpha-2 country in data order; empty for a country without data. */
    public List<Subdivision> inCountry(String country) {
        return country == null ? List.of() : byCountry.getOrDefault(normalise(country), List.of());
    }

    /** Whether {@code code} is a known subdivision of {@code country}. */
    public boolean belongsTo(String code, String country) {
        return country != null && find(code).map(s -> s.country().equals(normalise(country))).orElse(false);
    }

    /** The countries that have subdivisions in the data, sorted. */
    public Set<String> countries() {
        return byCountry.keySet();
    }

    public int size() {
        return byCode.size();
    }

    private static Subdivision parse(String line, int lineNumber) {
        String[] cells = line.split(",", -1);
        if (cells.length != 4) {
            throw new IllegalArgumentException("line " + lineNumber + ": expected 4 columns but found " + cells.length);
        }
        String code = cells[0].strip();
        String country = cells[1].strip();
        String name = cells[2].strip();
        String type = cells[3].strip();
        if (!Countries.isValid(country)) {
            throw new IllegalArgumentException("line " + lineNumber + ": unknown country '" + country + "'");
        }
        if (!code.matches("[A-Z]{2}-[A-Z0-9]{1,3}") || !code.startsWith(country + "-")) {
            throw new IllegalArgumentException("line " + lineNumber + ": '" + code + "' is not a subdivision code of " + country);
        }
        if (name.isEmpty() || type.isEmpty()) {
            throw new IllegalArgumentException("line " + lineNumber + ": name and type are required");
        }
        return new Subdivision(code, country, name, type);
    }

    private static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static final class Bundled {
        static final Subdivisions INSTANCE = load();

        private static Subdivisions load() {
            InputStream in = Subdivisions.class.getClassLoader().getResourceAsStream(RESOURCE);
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }
}

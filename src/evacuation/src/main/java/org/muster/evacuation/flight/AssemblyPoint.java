package org.muster.evacuation.flight;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Where passengers report before a flight, with what to do there in each language. */
@Entity
@Table(name = "assembly_point")
public class AssemblyPoint extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    /** Address or landmark, as a person on the ground would find it. */
    public String place;
    /** BCP 47 tag to instructions. */
    @Convert(converter = InstructionsConverter.class)
    public Map<String, String> instructions = new TreeMap<>();
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;

    /**
     * The instructions in {@code language}, else in its primary language ({@code fa} for
     * {@code fa-AF}), else in English, else in the first language there is; empty if none.
     */
    public String instructionsIn(String language) {
        if (instructions.isEmpty()) {
            return "";
        }
        if (language != null) {
            if (instructions.containsKey(language)) {
                return instructions.get(language);
            }
            String primary = Locale.forLanguageTag(language).getLanguage();
            if (instructions.containsKey(primary)) {
                return instructions.get(primary);
            }
        }
        return instructions.getOrDefault("en", instructions.values().iterator().next());
    }
}

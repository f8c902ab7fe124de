package org.muster.evacuation.flight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.muster.evacuation.audit.AuditLog;
import org.muster.platform.geo.Languages;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** Assembly points: where passengers report, and what they are told to do there. */
@ApplicationScoped
public class AssemblyPoints {

    /** An assembly point as staff read it. */
    public record View(UUID id, String name, String place, Map<String, String> instructions, long version) {
        static View of(AssemblyPoint p) {
            return new View(p.id, p.name, p.place, p.instructions, p.version);
        }
    }

    @Inject
    AuditLog audit;

    @Transactional
    public View create(AssemblyPointRequest request, String actor) {
        return create(UUID.randomUUID(), request, actor);
    }

    /** Creates an assembly point under a given id (the demo seed's, so that a restart finds it). */
    @Transactional
    public View create(UUID id, AssemblyPointRequest request, String actor) {
        AssemblyPoint p = new AssemblyPoint();
        p.id = id;
        p.createdAt = Instant.now();
        apply(p, request);
        p.persist();
        audit.recordAssemblyPoint(actor, AuditLog.Action.ASSEMBLY_POINT_CREATED, p.id, describe(View.of(p)));
        return View.of(p);
    }

    @Transactional
    public View change(UUID id, AssemblyPointRequest request, String actor) {
        AssemblyPoint p = find(id);
        View before = View.of(p);
        apply(p, request);
        AssemblyPoint.getEntityManager().flush();
        View after = View.of(p);
        audit.recordAssemblyPoint(actor, AuditLog.Action.ASSEMBLY_POINT_CHANGED, p.id, changes(before, after));
        return after;
    }

    @Transactional
    public List<AuditLog.Entry> audit(UUID id) {
        find(id);
        return audit.ofAssemblyPoint(id);
    }

    static String describe(View p) {
        return p.name() + " | " + p.place() + " | instructions in " + String.join(", ", p.instructions().keySet());
    }

    /**
     * What an officer changed: the point before and after, and the languages whose instructions
     * were added, removed or reworded (the texts themselves stay in the record's versions).
     */
    static String changes(View before, View after) {
        Set<String> languages = new TreeSet<>(before.instructions().keySet());
        languages.addAll(after.instructions().keySet());
        languages.removeIf(l -> Objects.equals(before.instructions().get(l), after.instructions().get(l)));
        return describe(before) + " -> " + describe(after)
                + (languages.isEmpty() ? "" : "; instructions changed: " + String.join(", ", languages));
    }

    @Transactional
    public View view(UUID id) {
        return View.of(find(id));
    }

    @Transactional
    public List<View> list() {
        return AssemblyPoint.<AssemblyPoint>list("ORDER BY name, id").stream().map(View::of).toList();
    }

    private static AssemblyPoint find(UUID id) {
        AssemblyPoint p = AssemblyPoint.findById(id);
        if (p == null) {
            throw ProblemException.notFound("no assembly point " + id);
        }
        return p;
    }

    private static void apply(AssemblyPoint p, AssemblyPointRequest r) {
        Map<String, String> instructions = new TreeMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        r.instructions().forEach((tag, text) -> {
            Optional<String> language = Languages.normalise(tag);
            if (language.isEmpty()) {
                errors.add(new Problem.FieldError("instructions[" + tag + "]", "/instructions/" + tag,
                        "is not a BCP 47 language tag such as en, fa-AF or ps"));
            } else {
                instructions.put(language.get(), text.strip());
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        p.name = r.name().strip();
        p.place = r.place().strip();
        p.instructions = instructions;
        p.updatedAt = Instant.now();
    }
}

package org.muster.evacuation.flight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.muster.platform.geo.Languages;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

    @Transactional
    public View create(AssemblyPointRequest request) {
        return create(UUID.randomUUID(), request);
    }

    /** Creates an assembly point under a given id (the demo seed's, so that a restart finds it). */
    @Transactional
    public View create(UUID id, AssemblyPointRequest request) {
        AssemblyPoint p = new AssemblyPoint();
        p.id = id;
        p.createdAt = Instant.now();
        apply(p, request);
        p.persist();
        return View.of(p);
    }

    @Transactional
    public View change(UUID id, AssemblyPointRequest request) {
        AssemblyPoint p = find(id);
        apply(p, request);
        AssemblyPoint.getEntityManager().flush();
        return View.of(p);
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

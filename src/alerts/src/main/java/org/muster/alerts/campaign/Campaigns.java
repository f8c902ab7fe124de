package org.muster.alerts.campaign;

import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.muster.alerts.advisory.Advisories;
import org.muster.alerts.advisory.Advisory;
import org.muster.alerts.advisory.AdvisoryRequest;
import org.muster.alerts.advisory.AdvisoryView;
import org.muster.contracts.alerts.CampaignStateChanged;
import org.muster.contracts.common.AdvisoryAction;
import org.muster.contracts.common.AdvisoryLevel;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryPriority;
import org.muster.contracts.registry.NationalSnapshot;
import org.muster.platform.geo.Countries;
import org.muster.platform.geo.Languages;
import org.muster.platform.geo.Subdivisions;
import org.muster.platform.outbox.Outbox;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.ProblemException;
import org.muster.platform.tracing.TraceParents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Builds, previews, launches (with the two-officer rule), pauses, resumes and cancels campaigns. */
@ApplicationScoped
public class Campaigns {

    @Inject
    EntityManager entityManager;

    @Inject
    Engine engine;

    @Inject
    Advisories advisories;

    @Inject
    Outbox outbox;

    @Inject
    FanOut fanOut;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** A launch to more people than this needs a second officer, for the priorities below. */
    @ConfigProperty(name = "muster.alerts.approval.threshold", defaultValue = "100")
    int approvalThreshold;

    @ConfigProperty(name = "muster.alerts.approval.priorities", defaultValue = "LEAVE_NOW")
    Set<DeliveryPriority> approvalPriorities;

    /** Messages per second the providers accept, across channels: for the preview's time estimate. */
    @ConfigProperty(name = "muster.alerts.provider-rate-per-second", defaultValue = "100")
    int providerRate;

    /** How long messages of a campaign without an end (no validUntil, no advisory expiry) stay worth sending. */
    @ConfigProperty(name = "muster.alerts.default-validity", defaultValue = "PT24H")
    java.time.Duration defaultValidity;

    @Transactional
    public Campaign create(CampaignRequest r, String officer) {
        List<Problem.FieldError> errors = new ArrayList<>();
        AdvisoryView advisory = null;
        if (r.advisoryId() != null) {
            try {
                advisory = advisories.get(r.advisoryId());
                if (advisory.state() != Advisory.State.ACTIVE) {
                    // Citizens would be sent advice the embassy has withdrawn or replaced.
                    errors.add(new Problem.FieldError("advisoryId", "/advisoryId", "advisory " + r.advisoryId() + " is "
                            + advisory.state().name().toLowerCase() + (advisory.supersededBy() == null ? ""
                            : "; its successor is " + advisory.supersededBy())));
                } else if (advisory.expiresAt() != null && !advisory.expiresAt().isAfter(Instant.now())) {
                    errors.add(new Problem.FieldError("advisoryId", "/advisoryId", "advisory " + r.advisoryId()
                            + " expired at " + advisory.expiresAt()));
                }
            } catch (ProblemException e) {
                errors.add(new Problem.FieldError("advisoryId", "/advisoryId", "no advisory " + r.advisoryId()));
            }
        }
        for (int i = 0; i < r.audience().regions().size(); i++) {
            if (!Subdivisions.bundled().exists(r.audience().regions().get(i))) {
                errors.add(new Problem.FieldError("audience.regions[" + i + "]", "/audience/regions/" + i,
                        "'" + r.audience().regions().get(i) + "' is not an ISO 3166-2 subdivision code"));
            }
        }
        for (int i = 0; i < r.audience().countries().size(); i++) {
            if (!Countries.isValid(r.audience().countries().get(i))) {
                errors.add(new Problem.FieldError("audience.countries[" + i + "]", "/audience/countries/" + i,
                        "'" + r.audience().countries().get(i) + "' is not an ISO 3166-1 alpha-2 country code"));
            }
        }
        for (int i = 0; i < r.audience().languages().size(); i++) {
            if (!Languages.isWellFormed(r.audience().languages().get(i))) {
                errors.add(new Problem.FieldError("audience.languages[" + i + "]", "/audience/languages/" + i,
                        "'" + r.audience().languages().get(i) + "' is not a BCP 47 language tag"));
            }
        }
        if (r.validUntil() != null && !r.validUntil().isAfter(Instant.now())) {
            errors.add(new Problem.FieldError("validUntil", "/validUntil", "is already past: every message would expire unsent"));
        }
        if (new LinkedHashSet<>(r.channels()).size() != r.channels().size()) {
            errors.add(new Problem.FieldError("channels", "/channels", "a channel is listed twice"));
        }
        Map<String, CampaignRequest.Template> templates = new LinkedHashMap<>();
        if (r.templates() != null) {
            r.templates().forEach((tag, t) -> {
                String language = Languages.normalise(tag).orElse(null);
                String problem = Templates.problem(engine, t.body());
                if (language == null) {
                    errors.add(new Problem.FieldError("templates[" + tag + "]", "/templates/" + tag, "'" + tag + "' is not a BCP 47 language tag"));
                } else if (problem != null) {
                    errors.add(new Problem.FieldError("templates[" + tag + "].body", "/templates/" + tag + "/body", problem));
                } else if (templates.containsKey(language)) {
                    errors.add(new Problem.FieldError("templates[" + tag + "]", "/templates/" + tag,
                            "the same language as another template (" + language + ")"));
                } else {
                    templates.put(language, t);
                }
            });
        }
        if (templates.isEmpty() && advisory != null && errors.isEmpty()) {
            advisory.texts().forEach((language, text) -> {
                CampaignRequest.Template template = fromAdvisory(text);
                String problem = Templates.problem(engine, template.body());
                if (problem != null) {
                    errors.add(new Problem.FieldError("advisoryId", "/advisoryId", "its " + language
                            + " text cannot be sent as written (" + problem + "); give templates instead"));
                }
                templates.put(language, template);
            });
        }
        if (templates.isEmpty() && errors.isEmpty()) {
            errors.add(new Problem.FieldError("templates", "/templates", "give a template per language, or an advisoryId to take its texts"));
        }
        String defaultLanguage = r.defaultLanguage() != null ? Languages.normalise(r.defaultLanguage()).orElse(r.defaultLanguage())
                : templates.containsKey("en") ? "en" : templates.keySet().stream().findFirst().orElse(null);
        if (defaultLanguage != null && !templates.isEmpty() && !templates.containsKey(defaultLanguage)) {
            errors.add(new Problem.FieldError("defaultLanguage", "/defaultLanguage", "has no template"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Campaign c = new Campaign();
        c.id = UUID.randomUUID();
        c.advisoryId = r.advisoryId();
        c.name = r.name();
        c.state = Campaign.State.DRAFT;
        c.audience = r.audience();
        c.channels = new ArrayList<>(r.channels().stream().map(Channel::name).toList());
        c.channelMode = r.channelMode();
        c.templates = templates;
        c.defaultLanguage = defaultLanguage;
        c.assemblyPoint = r.assemblyPoint();
        c.replyInstructions = r.replyInstructions();
        c.priority = r.priority() != null ? r.priority() : advisory == null ? DeliveryPriority.ROUTINE : priorityOf(advisory.level(), advisory.action());
        c.validUntil = r.validUntil() != null ? r.validUntil() : advisory == null ? null : advisory.expiresAt();
        c.createdBy = officer;
        c.createdAt = Instant.now();
        c.persist();
        return c;
    }

    public Campaign get(UUID id) {
        Campaign c = Campaign.findById(id);
        if (c == null) {
            throw ProblemException.notFound("No campaign " + id);
        }
        return c;
    }

    @Transactional
    public Preview preview(UUID id) {
        Campaign c = get(id);
        Templates templates = new Templates(engine, c);
        List<Channel> plan = c.channelPlan();
        Map<String, int[]> regionPeople = new TreeMap<>();
        Map<String, Map<String, Integer>> regionChannels = new TreeMap<>();
        Map<String, Integer> perChannel = new LinkedHashMap<>();
        plan.forEach(ch -> perChannel.put(ch.name(), 0));
        Map<String, String> sampleByLanguage = new LinkedHashMap<>();
        List<String> unreachableSample = new ArrayList<>();
        int people = 0;
        int unreachable = 0;
        int messages = 0;
        for (Object[] m : AudienceQuery.members(entityManager, c.audience)) {
            people++;
            String region = m[1] == null ? "unknown" : (String) m[1];
            regionPeople.computeIfAbsent(region, k -> new int[1])[0]++;
            List<NationalSnapshot.ContactPoint> contacts = Contacts.parse((String) m[3]);
            int reachable = 0;
            for (Channel ch : plan) {
                if (Contacts.addressOn(contacts, ch).isPresent()) {
                    reachable++;
                    perChannel.merge(ch.name(), 1, Integer::sum);
                    regionChannels.computeIfAbsent(region, k -> new TreeMap<>()).merge(ch.name(), 1, Integer::sum);
                }
            }
            if (reachable == 0) {
                unreachable++;
                if (unreachableSample.size() < 50) {
                    unreachableSample.add(m[0] + " " + m[4]);
                }
            }
            messages += c.channelMode == Campaign.ChannelMode.ALL ? reachable : Math.min(reachable, 1);
            String language = templates.languageFor((String) m[2]);
            sampleByLanguage.computeIfAbsent(language, l -> templates.render(l, (String) m[4], (String) m[1]));
        }
        for (String language : c.templates.keySet()) {
            sampleByLanguage.computeIfAbsent(language, l -> templates.render(l, "Firstname Lastname", null));
        }
        Map<String, Preview.RegionFigures> perRegion = new LinkedHashMap<>();
        regionPeople.forEach((region, count) -> perRegion.put(region,
                new Preview.RegionFigures(count[0], regionChannels.getOrDefault(region, Map.of()))));
        Map<String, Preview.SmsFigures> sms = new LinkedHashMap<>();
        sampleByLanguage.forEach((language, text) -> {
            SmsSegments.Result r = SmsSegments.of(text);
            sms.put(language, new Preview.SmsFigures(r.encoding(), r.units(), r.segments(), text));
        });
        long seconds = (messages + providerRate - 1) / Math.max(1, providerRate);
        return new Preview(people, perRegion, perChannel, unreachable, unreachableSample, messages, sms, seconds,
                approvalRequired(c, people));
    }

    @Transactional
    public Campaign launch(UUID id, String officer) {
        Campaign c = locked(id);
        requireState(c, Campaign.State.DRAFT);
        c.launchedBy = officer;
        // The audience is counted only where its size decides: reading all of it once more took
        // 18 to 31 ms of a 100,000-recipient launch.
        boolean sizeDecides = approvalApplies(c) && c.approvedBy == null;
        if (sizeDecides && approvalRequired(c, people(c))) {
            c.state = Campaign.State.AWAITING_APPROVAL;
            return c;
        }
        return start(c);
    }

    /** The second officer's approval: someone other than the one who built or launched it. */
    @Transactional
    public Campaign approve(UUID id, String officer) {
        Campaign c = locked(id);
        requireState(c, Campaign.State.AWAITING_APPROVAL);
        if (officer.equals(c.createdBy) || officer.equals(c.launchedBy)) {
            throw new ProblemException(Problem.of("second-officer-required", "A second officer must approve", 403,
                    "Campaign " + id + " goes to more than " + approvalThreshold
                            + " people: an officer other than the one who built or launched it must approve it"));
        }
        c.approvedBy = officer;
        return start(c);
    }

    /**
     * Stops the fan-out and holds, in notifier, the campaign's messages not yet handed to the provider. A campaign
     * whose fan-out completed can still be paused: its messages may wait in notifier for the provider's rate for
     * many minutes after it.
     */
    @Transactional
    public Campaign pause(UUID id, String officer) {
        Campaign c = locked(id);
        if (c.state != Campaign.State.RUNNING && c.state != Campaign.State.COMPLETED) {
            throw stateConflict(c);
        }
        c.state = Campaign.State.PAUSED;
        tellNotifier(c, CampaignStateChanged.State.PAUSED, officer);
        return c;
    }

    @Transactional
    public Campaign resume(UUID id, String officer) {
        Campaign c = locked(id);
        requireState(c, Campaign.State.PAUSED);
        c.state = Campaign.State.RUNNING;
        tellNotifier(c, CampaignStateChanged.State.RUNNING, officer);
        wakeFanOutAfterCommit();
        return c;
    }

    /**
     * Stops the fan-out and cancels, in notifier, every message of the campaign not yet handed to the provider,
     * including after the fan-out completed: a wrong "leave now" can be stopped while it is still being sent.
     */
    @Transactional
    public Campaign cancel(UUID id, String officer) {
        Campaign c = locked(id);
        if (c.state == Campaign.State.CANCELLED) {
            throw stateConflict(c);
        }
        boolean launched = c.state != Campaign.State.DRAFT && c.state != Campaign.State.AWAITING_APPROVAL;
        c.state = Campaign.State.CANCELLED;
        if (launched) {
            tellNotifier(c, CampaignStateChanged.State.CANCELLED, officer);
        }
        return c;
    }

    /** Through the outbox, with the change: notifier applies it to the messages it has not sent yet. */
    private void tellNotifier(Campaign c, CampaignStateChanged.State state, String officer) {
        outbox.record(new CampaignStateChanged(c.id, state, officer, Instant.now()));
    }

    private long people(Campaign c) {
        return ((Number) AudienceQuery.bind(entityManager.createNativeQuery(
                "SELECT count(*) FROM audience_member m WHERE " + AudienceQuery.where(c.audience)), c.audience)
                .getSingleResult()).longValue();
    }

    boolean approvalRequired(Campaign c, long people) {
        return approvalApplies(c) && people > approvalThreshold && c.approvedBy == null;
    }

    /**
     * Whether a large launch waits for a second officer: by the campaign's priority, and always for an advisory
     * that tells people to leave or to go to an assembly point, whatever priority the officer chose.
     */
    private boolean approvalApplies(Campaign c) {
        if (approvalPriorities.contains(c.priority)) {
            return true;
        }
        if (c.advisoryId == null || !approvalPriorities.contains(DeliveryPriority.LEAVE_NOW)) {
            return false;
        }
        AdvisoryView advisory = advisories.get(c.advisoryId);
        return priorityOf(advisory.level(), advisory.action()) == DeliveryPriority.LEAVE_NOW;
    }

    /** Resolves the audience into campaign_recipient rows in the launch's transaction: the fan-out works from them. */
    private Campaign start(Campaign c) {
        if (c.advisoryId != null) {
            AdvisoryView advisory = advisories.get(c.advisoryId);
            if (advisory.state() != Advisory.State.ACTIVE) {
                // Withdrawn or replaced since the campaign was built: its text is no longer the embassy's advice.
                throw ProblemException.conflict("advisory-not-active", "Advisory no longer active",
                        "Advisory " + c.advisoryId + " is " + advisory.state().name().toLowerCase()
                                + ": build the campaign again from the advisory in force");
            }
        }
        // The audience is sorted by national_id below: in memory (100,000 people took 22 MB), not in
        // files as with the default 4 MB. For this transaction only.
        entityManager.createNativeQuery("SET LOCAL work_mem = '64MB'").executeUpdate();
        int recipients = AudienceQuery.bind(entityManager.createNativeQuery(
                "INSERT INTO campaign_recipient (campaign_id, national_id, household_id, region, language, display_name, contacts) "
                        + "SELECT CAST(?7 AS uuid), m.national_id, m.household_id, m.region, m.preferred_language, m.display_name, m.contacts "
                        + "FROM audience_member m WHERE " + AudienceQuery.where(c.audience)
                        // In key order: each row then lands on the primary key's rightmost page
                        // (measured: 200,000 rows in 0.8 s, 1.4 s in the projection's order).
                        + " ORDER BY m.national_id"), c.audience)
                .setParameter(7, c.id.toString())
                .executeUpdate();
        // Fresh statistics, this campaign's rows included (ANALYZE counts its own transaction's rows):
        // without them the planner takes a new campaign for a few rows and answers each fan-out batch
        // by reading and sorting every recipient left (140 ms a batch of 1,000 at 100,000, not 8 ms).
        // Only the columns a batch's query filters and orders by: the others (contact points, names)
        // took most of its time (234 ms at 100,000 recipients); and from a sample of 3,000 rows (V8).
        entityManager.createNativeQuery("ANALYZE campaign_recipient (campaign_id, national_id)").executeUpdate();
        c.recipients = recipients;
        c.state = Campaign.State.RUNNING;
        c.launchedAt = Instant.now();
        c.launchTraceParent = TraceParents.current();
        if (c.validUntil == null) {
            c.validUntil = c.launchedAt.plus(defaultValidity);
        }
        wakeFanOutAfterCommit();
        return c;
    }

    private void wakeFanOutAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    fanOut.wake();
                }
            }
        });
    }

    private Campaign locked(UUID id) {
        Campaign c = Campaign.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("No campaign " + id);
        }
        return c;
    }

    private static void requireState(Campaign c, Campaign.State expected) {
        if (c.state != expected) {
            throw stateConflict(c);
        }
    }

    private static ProblemException stateConflict(Campaign c) {
        return ProblemException.conflict("campaign-state", "Not possible in this state",
                "Campaign " + c.id + " is " + c.state);
    }

    /** Moving people now goes first (and needs a second officer when large); do not travel is urgent; the rest is routine. */
    static DeliveryPriority priorityOf(AdvisoryLevel level, AdvisoryAction action) {
        if (action == AdvisoryAction.LEAVE_IMMEDIATELY || action == AdvisoryAction.GO_TO_ASSEMBLY_POINT) {
            return DeliveryPriority.LEAVE_NOW;
        }
        return level == AdvisoryLevel.DO_NOT_TRAVEL ? DeliveryPriority.URGENT : DeliveryPriority.ROUTINE;
    }

    /** The advisory's text as a template: Qute leaves {| |} as written, so braces in it are harmless. */
    private static CampaignRequest.Template fromAdvisory(AdvisoryRequest.Text text) {
        String advice = text.instruction() != null ? text.instruction() : text.body();
        return new CampaignRequest.Template(text.headline(), "{|" + text.headline() + ". " + advice + "|}"
                + "{#if assemblyPoint} {assemblyPoint}{/if}{#if replyInstructions} {replyInstructions}{/if}");
    }
}

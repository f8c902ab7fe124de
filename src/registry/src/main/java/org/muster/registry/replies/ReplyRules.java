package org.muster.registry.replies;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.muster.contracts.common.WelfareStatus;
import org.muster.contracts.notifier.ReplyReceived;
import org.muster.platform.contact.PhoneNumbers;
import org.muster.registry.audit.AuditLog;
import org.muster.registry.national.ContactPoint;
import org.muster.registry.national.National;
import org.muster.registry.national.NationalSnapshots;
import org.muster.registry.registration.WelfareReports;

import java.time.Instant;
import java.util.List;

/** What each reply keyword changes in the registry. */
@ApplicationScoped
public class ReplyRules {

    @Inject
    NationalSnapshots snapshots;

    @Inject
    AuditLog audit;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ReplyReceived reply) {
        if (reply.recipientId() == null) {
            // A number the registry does not know: notifier keeps the text for staff.
            return;
        }
        National recipient = National.findById(reply.recipientId());
        if (recipient == null) {
            return;
        }
        switch (reply.keyword()) {
            case SAFE -> welfare(recipient, WelfareStatus.SAFE, reply);
            case HELP -> welfare(recipient, WelfareStatus.NEEDS_HELP, reply);
            case STOP -> optOut(recipient, reply, true);
            case START -> optOut(recipient, reply, false);
            default -> {
                // Free text: nothing changes here; staff read it in notifier.
            }
        }
    }

    /** The one who answers for the household answers for everyone in it. */
    private void welfare(National recipient, WelfareStatus status, ReplyReceived reply) {
        List<National> household = National.list("householdId", recipient.householdId);
        for (National person : household) {
            WelfareReports.record(person, status, "reply " + reply.channel());
            changed(person, AuditLog.Action.WELFARE_REPORTED, status + " by reply " + reply.replyId());
        }
    }

    /** STOP from a number opts that number out on the channel it came from, as Twilio does. */
    private void optOut(National recipient, ReplyReceived reply, boolean out) {
        String from = PhoneNumbers.stripWhatsapp(reply.from());
        boolean changedAny = false;
        for (ContactPoint contact : recipient.contactPoints) {
            if (contact.channel == reply.channel() && contact.address.equals(from) && contact.optedOut != out) {
                contact.optedOut = out;
                contact.optedOutAt = out ? Instant.now() : null;
                changedAny = true;
            }
        }
        if (changedAny) {
            changed(recipient, AuditLog.Action.UPDATED, (out ? "opted out " : "opted in ") + reply.channel());
        }
    }

    private void changed(National person, AuditLog.Action action, String detail) {
        person.updatedAt = Instant.now();
        snapshots.publish(person);
        audit.record("reply", action, person.id, detail);
    }
}

package org.muster.evacuation.allocation;

import org.muster.contracts.common.Vulnerability;

import java.util.Collection;
import java.util.Set;

/**
 * Who flies first. Declaration order is the order of service; a household takes the class of
 * its most urgent member (households travel together, so one member's need moves them all).
 * The rule table is in the module's README.
 */
public enum PriorityClass {
    /** A member has a serious medical condition or depends on medication. */
    MEDICAL,
    /** A member is a minor travelling without a parent or guardian. */
    UNACCOMPANIED_MINOR,
    /**
     * A member is a child under two. Registry's snapshot carries no dates of birth, so an infant
     * is how evacuation knows a family travels with young children.
     */
    FAMILY_WITH_CHILDREN,
    /** A member is 70 or over. */
    ELDERLY,
    /** A member is pregnant, has reduced mobility or another disability needing assistance. */
    REDUCED_MOBILITY,
    /** A member is at risk of persecution (journalist, interpreter, official, activist). */
    PERSECUTION_RISK,
    /** No recorded vulnerability. */
    OTHER;

    /** The class of one person. */
    public static PriorityClass of(Set<Vulnerability> v) {
        if (v.contains(Vulnerability.MEDICAL)) {
            return MEDICAL;
        }
        if (v.contains(Vulnerability.UNACCOMPANIED_MINOR)) {
            return UNACCOMPANIED_MINOR;
        }
        if (v.contains(Vulnerability.INFANT)) {
            return FAMILY_WITH_CHILDREN;
        }
        if (v.contains(Vulnerability.ELDERLY)) {
            return ELDERLY;
        }
        if (v.contains(Vulnerability.PREGNANCY) || v.contains(Vulnerability.REDUCED_MOBILITY)
                || v.contains(Vulnerability.DISABILITY)) {
            return REDUCED_MOBILITY;
        }
        if (v.contains(Vulnerability.PERSECUTION_RISK)) {
            return PERSECUTION_RISK;
        }
        return OTHER;
    }

    /** The class of a household: that of its most urgent member. */
    public static PriorityClass ofHousehold(Collection<Set<Vulnerability>> members) {
        PriorityClass best = OTHER;
        for (Set<Vulnerability> m : members) {
            PriorityClass c = of(m);
            if (c.ordinal() < best.ordinal()) {
                best = c;
            }
        }
        return best;
    }
}

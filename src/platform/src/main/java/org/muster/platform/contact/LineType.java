package org.muster.platform.contact;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

/** What kind of line a number is, as far as libphonenumber can tell from the number alone. */
public enum LineType {
    MOBILE,
    FIXED_LINE,
    /** The numbering plan does not distinguish (e.g. North America): may well be a mobile. */
    FIXED_LINE_OR_MOBILE,
    VOIP,
    /** Toll free, premium rate, pager, personal number, ... or not known. */
    OTHER;

    /** SMS and WhatsApp need a mobile; a number that may be one is worth trying. */
    public boolean isLikelyMobile() {
        return this == MOBILE || this == FIXED_LINE_OR_MOBILE;
    }

    static LineType of(PhoneNumberType type) {
        return switch (type) {
            case MOBILE -> MOBILE;
            case FIXED_LINE -> FIXED_LINE;
            case FIXED_LINE_OR_MOBILE -> FIXED_LINE_OR_MOBILE;
            case VOIP -> VOIP;
            default -> OTHER;
        };
    }
}

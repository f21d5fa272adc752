package no.partnerskap.api.common;

/**
 * Whether text shows anything. {@link String#isBlank()} knows only the whitespace Java splits words
 * on: no-break spaces (U+00A0, U+2007, U+202F), the ideographic space (U+3000) and zero-width
 * characters (U+200B, U+FEFF) pass it, so a reason made of them was stored and reads as empty.
 */
public final class VisibleText {

    /** Hangul and braille fillers: letters by their Unicode category, yet they draw nothing. */
    private static final String FILLERS = "\u115f\u1160\u3164\uffa0\u2800";

    private VisibleText() {
    }

    /** True when the text is null or has no character a reader would see. */
    public static boolean isBlank(CharSequence text) {
        return text == null || text.codePoints().allMatch(VisibleText::isInvisible);
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
                || type == Character.CONTROL || type == Character.FORMAT || FILLERS.indexOf(codePoint) >= 0;
    }
}

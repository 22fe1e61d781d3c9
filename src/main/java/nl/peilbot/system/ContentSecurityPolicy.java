package nl.peilbot.system;

/**
 * The app's Content-Security-Policy: everything from this origin only, with no inline script or style (the pages load
 * theirs from files), no plugins and no framing by other sites. WebSockets to this origin are covered by
 * {@code 'self'}.
 */
public final class ContentSecurityPolicy {

    /** The policy of every page. */
    public static final String APP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'self'";

    private ContentSecurityPolicy() {
    }

    /** The app's policy with one more stylesheet allowed, by its hash ({@code sha256-…}). */
    public static String withStyle(String hash) {
        return APP.replace("style-src 'self';", "style-src 'self' '" + hash + "';");
    }
}

package nl.peilbot.mail;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

/**
 * What a failed hand-over to the SMTP server means for the mail. Only an answer of the server (a reply code) or a
 * connection that was never made proves that the mail was not accepted; anything else (a connection lost in the
 * middle, a reply that never came) leaves it open whether the server took the mail.
 */
enum SmtpOutcome {
    /** Refused for good (a 5xx reply, an address that cannot be mailed): shown per invitee, not tried again. */
    REFUSED,
    /** Not accepted now (a 4xx reply, no connection): tried again later. */
    NOT_NOW,
    /** The server may have accepted it: not sent again (at most once). */
    UNKNOWN;

    /** Jakarta Mail's SMTP provider puts the server's reply, starting with its code, in a send failure's message. */
    private static final Pattern REPLY = Pattern.compile("^\\s*([2-5]\\d\\d)[ -]");

    static SmtpOutcome of(Throwable failure) {
        int code = 0;
        boolean connectionFailed = false;
        boolean badAddress = false;
        for (Throwable each : chain(failure)) {
            code = Math.max(code, replyCode(each));
            badAddress |= each instanceof AddressException;
            connectionFailed |= each instanceof ConnectException || each instanceof UnknownHostException
                    || each.getClass().getSimpleName().equals("MailConnectException");
        }
        if (badAddress || code >= 500) {
            return REFUSED;
        }
        if (code >= 400 || connectionFailed) {
            return NOT_NOW;
        }
        return UNKNOWN;
    }

    /** A reason to show organisers: the reply code and the failure's kind, never the address. */
    static String reason(Throwable failure) {
        int code = 0;
        Throwable root = failure;
        for (Throwable each : chain(failure)) {
            code = Math.max(code, replyCode(each));
            root = each;
        }
        return (code > 0 ? "SMTP " + code + " " : "") + root.getClass().getSimpleName();
    }

    private static int replyCode(Throwable failure) {
        if (failure instanceof SendFailedException && failure.getMessage() != null) {
            Matcher reply = REPLY.matcher(failure.getMessage());
            if (reply.find()) {
                return Integer.parseInt(reply.group(1));
            }
        }
        return 0;
    }

    /** The failure, its causes, Jakarta Mail's next exceptions and Spring's per-message failures, each once. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> all = new ArrayList<>();
        Deque<Throwable> open = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        open.add(failure);
        while (!open.isEmpty()) {
            Throwable next = open.poll();
            if (!seen.add(next)) {
                continue;
            }
            all.add(next);
            if (next instanceof MailSendException e) {
                open.addAll(e.getFailedMessages().values());
            }
            if (next instanceof MessagingException e && e.getNextException() != null) {
                open.add(e.getNextException());
            }
            if (next.getCause() != null) {
                open.add(next.getCause());
            }
        }
        return all;
    }
}

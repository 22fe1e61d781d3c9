package nl.peilbot.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail settings ({@code peilbot.mail.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param templates     the folder of the mail templates, one sub-folder per survey
 * @param from          the sender address; the wave's sender name is shown with it
 * @param perSecond     mails handed to the SMTP server per second at most, per instance
 * @param smtpHost      the configured SMTP host ({@code spring.mail.host}); blank for no e-mail
 */
@ConfigurationProperties("peilbot.mail")
record MailProperties(Path templates, @DefaultValue("peilbot@localhost") String from,
                      @DefaultValue("2") double perSecond, String smtpHost) {

    MailProperties {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("peilbot.mail.per-second must be above 0");
        }
        smtpHost = smtpHost == null ? "" : smtpHost.strip();
    }

    boolean enabled() {
        return !smtpHost.isEmpty();
    }
}

package nl.peilbot.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/** Only a reply of the server or a connection never made proves a mail was not taken; all else is "unknown". */
class SmtpOutcomeTests {

    private static MailSendException spring(Exception cause) {
        return new MailSendException(Map.of(new Object(), cause));
    }

    @Test
    void aPermanentReplyOrABadAddressIsARefusal() throws Exception {
        var rcpt = new SMTPAddressFailedException(new InternetAddress("x@example.org"), "RCPT TO", 550,
                "550 5.1.0 Requested action not taken: mailbox unavailable");
        SendFailedException failed = new SendFailedException("Invalid Addresses", rcpt);
        assertThat(SmtpOutcome.of(spring(failed))).isEqualTo(SmtpOutcome.REFUSED);
        assertThat(SmtpOutcome.reason(spring(failed))).startsWith("SMTP 550");
        assertThat(SmtpOutcome.of(new AddressException("Missing final '@domain'"))).isEqualTo(SmtpOutcome.REFUSED);
    }

    @Test
    void aTemporaryReplyOrNoConnectionIsTriedAgain() {
        var data = new SMTPSendFailedException("DATA", 451, "451 4.3.0 try again later", null, null, null, null);
        assertThat(SmtpOutcome.of(spring(data))).isEqualTo(SmtpOutcome.NOT_NOW);
        var refused = new MailConnectException(new org.eclipse.angus.mail.util.SocketConnectException(
                "Using socket factory", new ConnectException("Connection refused"), "127.0.0.1", 25, 10000));
        assertThat(SmtpOutcome.of(new MailSendException("Mail server connection failed", refused)))
                .isEqualTo(SmtpOutcome.NOT_NOW);
    }

    @Test
    void aConnectionLostInTheMiddleLeavesTheOutcomeUnknown() {
        MessagingException lost = new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"));
        assertThat(SmtpOutcome.of(spring(lost))).isEqualTo(SmtpOutcome.UNKNOWN);
        assertThat(SmtpOutcome.of(spring(new MessagingException("Can't send command", new IOException("Broken pipe")))))
                .isEqualTo(SmtpOutcome.UNKNOWN);
    }
}

package nl.peilbot.mail;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.mongodb.client.MongoDatabase;

import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.Surveys;
import nl.peilbot.outbox.Outbox;

/** The mail module's parts on the application's database and Spring's mail sender ({@code spring.mail.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    @Bean
    MailLog mailLog(MongoDatabase database) {
        MailLog log = new MailLog(database);
        log.createIndexes();
        return log;
    }

    @Bean
    Declines declines(MongoDatabase database) {
        Declines declines = new Declines(database);
        declines.createIndexes();
        return declines;
    }

    @Bean
    MailSettings mailSettings(MongoDatabase database) {
        return new MailSettings(database);
    }

    @Bean
    MailTemplates mailTemplates(MailProperties properties) {
        return new MailTemplates(properties.templates());
    }

    @Bean
    MailHandler mailHandler(MailLog mails, Declines declines, MailSettings settings, MailTemplates templates,
                            Invitations invitations, Surveys surveys, MailLinks links, JavaMailSenderImpl sender,
                            MailProperties properties, Clock clock) {
        return new MailHandler(mails, declines, settings, templates, invitations, surveys, links, sender, properties,
                clock);
    }

    @Bean
    Mailings mailings(Outbox outbox, MailLog mails, Declines declines, MailSettings settings, MailTemplates templates,
                      MailLinks links, MailProperties properties, Clock clock) {
        return new Mailings(outbox, mails, declines, settings, templates, links, properties, clock);
    }
}

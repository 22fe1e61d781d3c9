package nl.peilbot.channel.web;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organiser shown in the chat's header ({@code peilbot.brand.*}): a name and a logo (an address the browser
 * loads, absolute or relative to Peilbot), for every survey or per survey id ({@code peilbot.brand.surveys.ID.*}).
 * Both are optional; without them the header shows the survey's title only.
 */
@ConfigurationProperties("peilbot.brand")
record ChatBrand(String name, String logo, Map<String, Organiser> surveys) {

    static final ChatBrand NONE = new ChatBrand(null, null, null);

    ChatBrand {
        surveys = surveys == null ? Map.of() : Map.copyOf(surveys);
    }

    /** The organiser of {@code surveyId}: its own settings, each falling back to the general one. */
    Organiser of(String surveyId) {
        Organiser own = surveyId == null ? null : surveys.get(surveyId);
        String ownName = own == null ? null : blankToNull(own.name());
        String ownLogo = own == null ? null : blankToNull(own.logo());
        return new Organiser(ownName != null ? ownName : blankToNull(name), ownLogo != null ? ownLogo : blankToNull(logo));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A survey's organiser: name and logo address, each null when not configured. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Organiser(String name, String logo) {
    }
}

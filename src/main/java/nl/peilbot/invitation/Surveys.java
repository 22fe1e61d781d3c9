package nl.peilbot.invitation;

import java.util.Optional;

import nl.peilbot.flow.Flow;

/**
 * The surveys invitations can be made for, by survey id: implemented where the flows are loaded, so that
 * this module does not depend on it.
 */
public interface Surveys {

    /** The flow now in use for {@code surveyId}. */
    Optional<Flow> current(String surveyId);
}

package nl.peilbot.response;

import java.time.Instant;

/**
 * A flow version as it was first used by a response, kept so that responses can go on with it and later
 * versions can be checked against it.
 *
 * @param yaml the flow file's text as it was
 */
public record FlowSnapshot(String version, String survey, String wave, String source, String yaml, Instant firstUsedAt) {
}

package nl.peilbot.lease;

import java.time.Duration;

/**
 * Runs scheduled work on one instance at a time.
 *
 * <p>Time is cut into slots of {@code slot} length counted from the epoch; the first instance to claim a slot of a
 * name runs the work, every other instance gets false for that slot. Call it from a scheduled task on every
 * instance, at least once per slot: the work then runs about once per slot wherever instances live or die, and
 * resumes in the next slot after the instance that held a slot crashed.
 *
 * <p>Limits: clocks of instances that differ by more than a few seconds may both run the work near a slot
 * boundary, and work that outlasts its slot may overlap with the next slot's run, so the work must be idempotent
 * (turn repair, reminders and aggregation rebuilds are) and should take well under one slot.
 */
public interface Leases {

    /**
     * Runs {@code work} in this thread when this instance is the first to claim the current slot of {@code name}.
     *
     * @return whether the work ran here; an exception of the work is passed on (the slot stays used)
     */
    boolean tryRun(String name, Duration slot, Runnable work);
}

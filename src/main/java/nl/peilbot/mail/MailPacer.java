package nl.peilbot.mail;

import java.time.Duration;

/**
 * Spaces the hand-overs to the SMTP server on this instance: at most {@code perSecond}, each try waiting for its
 * slot (so a burst of a thousand invitations trickles out instead of tripping the server's limits).
 */
final class MailPacer {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    MailPacer(double perSecond) {
        this.intervalNanos = (long) (Duration.ofSeconds(1).toNanos() / perSecond);
    }

    /** Waits for the next slot. */
    void await() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}

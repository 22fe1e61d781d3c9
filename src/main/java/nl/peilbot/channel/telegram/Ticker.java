package nl.peilbot.channel.telegram;

import java.time.Duration;

/** Time for the rate limiter, replaceable so tests need not wait for real seconds. */
interface Ticker {

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(Math.max(1, duration.toMillis()));
        }
    };

    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;
}

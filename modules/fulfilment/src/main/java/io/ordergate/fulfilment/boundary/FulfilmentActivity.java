package io.ordergate.fulfilment.boundary;

import io.ordergate.fulfilment.control.ActivityCounts;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What is stuck and what happened per hour, for the console's dashboard: counts only (no customer's
 * data, so not audited), each read from an index (V0020, V0025).
 */
@Stateless
@DenyAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FulfilmentActivity {

    /** The dashboard's "not shipped after N days" when nobody says otherwise. */
    public static final int DEFAULT_NOT_SHIPPED_DAYS = 3;

    /** At most this many hours in one {@link #hourly} answer (a month). */
    public static final int MAX_HOURS = 24 * 31;

    @Inject
    ActivityCounts counts;

    @Inject
    Clock clock;

    /**
     * What is stuck now.
     *
     * @param notShippedDays orders received more than this many days ago with units left to ship
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public Stuck stuck(int notShippedDays) {
        if (notShippedDays < 1) {
            throw new ProblemException(400, "Bad Request", "The days must be 1 or more.");
        }
        var before = clock.instant().minus(Duration.ofDays(notShippedDays));
        return new Stuck(
                counts.count(ActivityCounts.DEAD, null),
                notShippedDays,
                counts.count(ActivityCounts.NOT_SHIPPED, before),
                counts.count(ActivityCounts.ATTENTION, null),
                counts.count(ActivityCounts.DISAGREEING, null));
    }

    /**
     * Orders in, shipments reported and calls to a platform that ended dead, per hour (UTC hours),
     * from the hour of {@code from} up to and including the hour of {@code to}, oldest first, every
     * hour present (zeros too).
     */
    @RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
    public List<Hour> hourly(Instant from, Instant to) {
        var start = from.truncatedTo(ChronoUnit.HOURS);
        var end = to.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        long hours = Duration.between(start, end).toHours();
        if (hours < 1 || hours > MAX_HOURS) {
            throw new ProblemException(400, "Bad Request", "Between 1 and " + MAX_HOURS + " hours, from before to.");
        }
        var in = counts.hourly(ActivityCounts.ORDERS_IN, start, end);
        var shipped = counts.hourly(ActivityCounts.SHIPPED, start, end);
        var failed = counts.hourly(ActivityCounts.FAILED, start, end);
        var result = new ArrayList<Hour>();
        for (long h = start.getEpochSecond() / 3600; h < end.getEpochSecond() / 3600; h++) {
            result.add(new Hour(
                    Instant.ofEpochSecond(h * 3600),
                    in.getOrDefault(h, 0L),
                    shipped.getOrDefault(h, 0L),
                    failed.getOrDefault(h, 0L)));
        }
        return result;
    }

    /**
     * What is stuck.
     *
     * @param deadCalls calls to a platform (SCAYLE's Admin API) that ended dead and wait for staff
     * @param notShipped orders received more than {@code notShippedDays} ago with units left to ship
     * @param attention orders flagged for staff
     * @param disagreeing orders whose platform does not know their state: some shipment, cancellation
     *     or return of ours was refused by it (a dead call)
     */
    public record Stuck(long deadCalls, int notShippedDays, long notShipped, long attention, long disagreeing) {}

    /** One hour (its start) of activity. */
    public record Hour(Instant hour, long ordersIn, long shipped, long failed) {}
}

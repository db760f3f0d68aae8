package io.ordergate.console.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.fulfilment.boundary.FulfilmentActivity;
import io.ordergate.fulfilment.boundary.FulfilmentActivity.Hour;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scalepoint.boundary.ScalepointEvents;
import io.ordergate.scalepoint.boundary.ScalepointOrders;
import io.ordergate.scalepoint.boundary.ScalepointStatus;
import io.ordergate.scayle.boundary.ReceivedDelegations;
import io.ordergate.scayle.boundary.ScayleActivity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The day at a glance, in the user's time zone: what is stuck (dead calls to the platforms, orders
 * not shipped after 3 days, orders needing attention, orders the platform disagrees on), small
 * charts of orders in, shipments and dead calls per hour over the last 3 days, what SCAYLE sent today and in the last 7 days
 * (new orders, deliveries, redeliveries, conflicts, cancellations), Scalepoint events in the same
 * windows, Scalepoint orders by status, the job backlog, the Order Data circuit breaker and its
 * last error. Every number opens the list it counts.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
public class DashboardView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    static final int NOT_SHIPPED_DAYS = FulfilmentActivity.DEFAULT_NOT_SHIPPED_DAYS;
    static final Duration CHART_SPAN = Duration.ofDays(3);

    final ReceivedDelegations delegations;
    final ScalepointOrders scalepointOrders;
    final ScalepointEvents scalepointEvents;
    final Jobs jobs;
    final ScalepointStatus scalepointStatus;
    final FulfilmentActivity activity;
    final Clock clock;

    @Inject
    public DashboardView(
            ReceivedDelegations delegations,
            ScalepointOrders scalepointOrders,
            ScalepointEvents scalepointEvents,
            Jobs jobs,
            ScalepointStatus scalepointStatus,
            FulfilmentActivity activity,
            Clock clock) {
        this.activity = activity;
        this.clock = clock;
        this.delegations = delegations;
        this.scalepointOrders = scalepointOrders;
        this.scalepointEvents = scalepointEvents;
        this.jobs = jobs;
        this.scalepointStatus = scalepointStatus;
        setId("dashboard");
        // "Today" is the user's day: wait for the browser's time zone.
        addAttachListener(attach -> BrowserTime.whenKnown(attach.getUI(), this::show));
    }

    void show(ZoneId zone) {
        removeAll();
        var today = LocalDate.now(zone);
        var weekStart = today.minusDays(6);
        var day = scayle(today, zone);
        var week = scayle(weekStart, zone);
        var todayRange = "from=" + today + "&to=" + today;
        var weekRange = "from=" + weekStart + "&to=" + today;

        add(new H2("Dashboard"));
        add(stuck());
        add(charts());
        add(section(
                "SCAYLE: today · last 7 days (since " + weekStart + ")",
                pair(
                        "scayle-acknowledged",
                        "New orders acknowledged",
                        day.acknowledged(),
                        week.acknowledged(),
                        "delegations?" + todayRange,
                        "delegations?" + weekRange),
                pair(
                        "scayle-deliveries",
                        "Deliveries received (with redeliveries)",
                        day.deliveries(),
                        week.deliveries(),
                        "delegations?" + todayRange,
                        "delegations?" + weekRange),
                pair(
                        "scayle-replayed",
                        "Redeliveries answered as before",
                        day.replayed(),
                        week.replayed(),
                        "delegations?" + todayRange,
                        "delegations?" + weekRange),
                pair(
                        "scayle-conflicts",
                        "Redeliveries with other content",
                        day.conflicts(),
                        week.conflicts(),
                        "delegations?conflict=true&" + todayRange,
                        "delegations?conflict=true&" + weekRange),
                pair(
                        "scayle-cancellations",
                        "Cancellations",
                        day.cancellations(),
                        week.cancellations(),
                        "delegations?status=cancelled&" + todayRange,
                        "delegations?status=cancelled&" + weekRange)));

        var events = section(
                "Scalepoint",
                pair(
                        "scalepoint-events",
                        "Events received",
                        scalepointEvents.countSince(start(today, zone)),
                        scalepointEvents.countSince(start(weekStart, zone)),
                        "scalepoint-orders?" + todayRange,
                        "scalepoint-orders?" + weekRange));
        scalepointOrders
                .countByStatus()
                .forEach((status, count) -> events.add(link(
                        "scalepoint-orders?status=" + status,
                        tile("scalepoint-" + status, "Orders " + status + " (all time)", count))));
        add(events);

        var backlog = jobs.summary(null);
        var status = scalepointStatus.status();
        var health = section(
                "Jobs and Order Data",
                link("jobs?state=pending", tile("jobs-pending", "Jobs waiting", backlog.pending())),
                link("jobs?state=failing", tile("jobs-failing", "Jobs failing (backing off)", backlog.failing())),
                link("jobs?state=dead", tile("jobs-dead", "Jobs dead", backlog.dead())),
                textTile(
                        "scalepoint-circuit",
                        "Order Data circuit breaker (this node)",
                        status.circuit()
                                + (status.circuitOpenSince() == null
                                        ? ""
                                        : " since " + BrowserTime.format(status.circuitOpenSince()))));
        var error = status.lastFetchError();
        if (error != null) {
            var text = BrowserTime.format(error.at()) + " " + error.orderToken() + ": " + error.error();
            health.add(link(
                    "scalepoint-orders/" + error.orderToken(),
                    textTile(
                            "scalepoint-last-error",
                            "Last Order Data error",
                            text.length() > 200 ? text.substring(0, 200) + "…" : text)));
        }
        add(health);
    }

    /** What waits for staff, each number opening what it counts. */
    FlexLayout stuck() {
        var stuck = activity.stuck(NOT_SHIPPED_DAYS);
        var days = stuck.notShippedDays();
        return section(
                "What is stuck",
                link("jobs?state=dead", tile("stuck-dead-calls", "Calls to platforms dead", stuck.deadCalls())),
                link(
                        "orders?notShippedAfter=" + days,
                        tile("stuck-not-shipped", "Not shipped after " + days + " days", stuck.notShipped())),
                link("orders?attention=true", tile("stuck-attention", "Orders needing attention", stuck.attention())),
                link(
                        "jobs?state=dead",
                        tile(
                                "stuck-disagreeing",
                                "Orders the platform disagrees on (a report it refused)",
                                stuck.disagreeing())));
    }

    /** Orders in, shipments and dead calls per hour, the last 3 days up to this hour. */
    FlexLayout charts() {
        var now = clock.instant();
        var hours = activity.hourly(now.minus(CHART_SPAN).plus(Duration.ofHours(1)), now);
        return section(
                "Per hour, last 3 days",
                ActivityChart.of("chart-orders-in", "Orders in", "var(--lumo-primary-color)", hours, Hour::ordersIn),
                ActivityChart.of(
                        "chart-shipped", "Shipments reported", "var(--lumo-success-color)", hours, Hour::shipped),
                ActivityChart.of(
                        "chart-failed", "Calls to platforms dead", "var(--lumo-error-color)", hours, Hour::failed));
    }

    ScayleActivity scayle(LocalDate from, ZoneId zone) {
        return delegations.activity(start(from, zone));
    }

    static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    static FlexLayout section(String title, Component... tiles) {
        var heading = new H3(title);
        heading.getStyle().set("width", "100%").set("margin", "var(--lumo-space-s) 0 0 0");
        var section = new FlexLayout(heading);
        section.add(tiles);
        section.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        section.getStyle().set("gap", "var(--lumo-space-m)");
        section.setWidthFull();
        return section;
    }

    static Anchor link(String href, Component tile) {
        var anchor = new Anchor(href, tile);
        anchor.getStyle().set("text-decoration", "none").set("color", "inherit");
        return anchor;
    }

    /** Today's number ({@code .count}) and the last 7 days' ({@code .week}), each a link to its list. */
    static Div pair(String id, String label, long today, long week, String todayHref, String weekHref) {
        var tile = frame(id, label);
        var todayNumber = number(String.valueOf(today), "count");
        var weekNumber = number(String.valueOf(week), "week");
        weekNumber
                .getStyle()
                .set("font-size", "var(--lumo-font-size-xl)")
                .set("color", "var(--lumo-secondary-text-color)");
        var todayLink = link(todayHref, todayNumber);
        todayLink.setTitle("today");
        var weekLink = link(weekHref, weekNumber);
        weekLink.setTitle("last 7 days");
        var numbers = new Div(todayLink, caption("today"), new Span("·"), weekLink, caption("7 days"));
        numbers.getStyle().set("display", "flex").set("align-items", "baseline").set("gap", "var(--lumo-space-xs)");
        tile.add(numbers);
        return tile;
    }

    static Span caption(String text) {
        var caption = new Span(text);
        caption.getStyle()
                .set("font-size", "var(--lumo-font-size-xs)")
                .set("color", "var(--lumo-secondary-text-color)");
        return caption;
    }

    static Div textTile(String id, String label, String text) {
        var tile = frame(id, label);
        var value = number(text, "count");
        value.getStyle().set("font-size", "var(--lumo-font-size-m)");
        tile.add(value);
        tile.getStyle().set("max-width", "40em");
        return tile;
    }

    static Div tile(String id, String label, long count) {
        var tile = frame(id, label);
        tile.add(number(String.valueOf(count), "count"));
        return tile;
    }

    static Span number(String text, String className) {
        var number = new Span(text);
        number.addClassName(className);
        number.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600");
        return number;
    }

    static Div frame(String id, String label) {
        var caption = new H3(label);
        caption.getStyle()
                .set("font-size", "var(--lumo-font-size-s)")
                .set("margin", "0")
                .set("color", "var(--lumo-secondary-text-color)");
        var tile = new Div(caption);
        tile.setId(id);
        tile.getStyle()
                .set("display", "flex")
                .set("flex-direction", "column")
                .set("min-width", "12em")
                .set("padding", "var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-contrast-5pct)");
        return tile;
    }
}

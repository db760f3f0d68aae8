package io.ordergate.console.dashboard;

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
import io.ordergate.credentials.boundary.AuthenticatedUser;
import io.ordergate.jobs.boundary.Jobs;
import io.ordergate.scalepoint.boundary.ScalepointOrders;
import io.ordergate.scalepoint.boundary.ScalepointStatus;
import io.ordergate.scayle.boundary.Delegations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * First numbers of the day: SCAYLE delegations received today, Scalepoint orders by status (each
 * links to the orders list filtered by it), the job backlog (failing and dead jobs link to the filtered jobs list), the Order Data circuit
 * breaker as this node last met it and the last Order Data error.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · OrderGate")
@RolesAllowed({AuthenticatedUser.ADMIN, AuthenticatedUser.STAFF, AuthenticatedUser.AUDITOR})
public class DashboardView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    @Inject
    Delegations delegations;

    @Inject
    ScalepointOrders scalepointOrders;

    @Inject
    Jobs jobs;

    @Inject
    ScalepointStatus scalepointStatus;

    final FlexLayout tiles = new FlexLayout();

    public DashboardView() {
        setId("dashboard");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2("Dashboard"), tiles);
        // "Today" is the user's day: wait for the browser's time zone.
        addAttachListener(attach -> BrowserTime.whenKnown(attach.getUI(), this::show));
    }

    void show(ZoneId zone) {
        tiles.removeAll();
        var today = LocalDate.now(zone).atStartOfDay(zone).toInstant();
        tiles.add(tile("delegations-today", "SCAYLE delegations today",
                delegations.count(new Delegations.Filter(null, null, null, null, today, null))));
        scalepointOrders.countByStatus().forEach((status, count) ->
                tiles.add(link("scalepoint-orders?status=" + status,
                        tile("scalepoint-" + status, "Scalepoint orders " + status, count))));
        var backlog = jobs.summary(null);
        tiles.add(link("jobs?state=failing", tile("jobs-failing", "Jobs failing (backing off)", backlog.failing())));
        tiles.add(link("jobs?state=dead", tile("jobs-dead", "Jobs dead", backlog.dead())));
        var status = scalepointStatus.status();
        tiles.add(textTile("scalepoint-circuit", "Order Data circuit breaker", status.circuit()
                + (status.circuitOpenSince() == null ? "" : " since " + BrowserTime.format(status.circuitOpenSince()))));
        var error = status.lastFetchError();
        if (error != null) {
            var text = BrowserTime.format(error.at()) + " " + error.orderToken() + ": " + error.error();
            tiles.add(textTile("scalepoint-last-error", "Last Order Data error",
                    text.length() > 200 ? text.substring(0, 200) + "…" : text));
        }
    }

    static Anchor link(String href, Div tile) {
        var anchor = new Anchor(href, tile);
        anchor.getStyle().set("text-decoration", "none").set("color", "inherit");
        return anchor;
    }

    static Div textTile(String id, String label, String text) {
        var tile = tile(id, label, 0);
        tile.getChildren().filter(child -> child instanceof Span).findFirst().ifPresent(number -> {
            ((Span) number).setText(text);
            ((Span) number).getStyle().set("font-size", "var(--lumo-font-size-m)");
        });
        tile.getStyle().set("max-width", "40em");
        return tile;
    }

    static Div tile(String id, String label, long count) {
        var number = new Span(String.valueOf(count));
        number.addClassName("count");
        number.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600");
        var caption = new H3(label);
        caption.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin", "0")
                .set("color", "var(--lumo-secondary-text-color)");
        var tile = new Div(caption, number);
        tile.setId(id);
        tile.getStyle().set("display", "flex").set("flex-direction", "column").set("min-width", "12em")
                .set("padding", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("background", "var(--lumo-contrast-5pct)");
        return tile;
    }
}

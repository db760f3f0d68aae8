package io.ordergate.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.ordergate.audit.boundary.AuditFilter;
import io.ordergate.audit.boundary.AuditSeals;
import io.ordergate.audit.boundary.AuditSearch;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Grids;
import io.ordergate.console.ui.Paging;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * The audit trail for auditors and admins: filtered newest first, or one subject's whole history
 * in the order it happened (an order: every request, answer, fetch, refresh, publication and staff
 * action); export of what the filter shows as CSV or JSON; verification of the hash chain. The
 * filters live in the URL ({@code ?subjectType=scayle-order&subjectKey=acme/1001}), so a history
 * can be linked to and survives a reload.
 */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
public class AuditTrailView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    final TextField actor = new TextField("Actor");
    final TextField action = new TextField("Action");
    final TextField subjectType = new TextField("Subject type");
    final TextField subjectKey = new TextField("Subject (order) key");
    final Checkbox history = new Checkbox("History: oldest first");
    final Grid<io.ordergate.audit.boundary.AuditView> grid =
            new Grid<>(io.ordergate.audit.boundary.AuditView.class, false);
    final Span verification = new Span();
    final AuditSearch search;
    final AuditSeals seals;

    @Inject
    public AuditTrailView(AuditSearch search, AuditSeals seals) {
        this.search = search;
        this.seals = seals;
        setId("audit");
        setSizeFull();
        action.setHelperText("ends in * for a prefix, e.g. scalepoint.*");
        history.setHelperText("needs subject type and key");
        history.setId("history");
        for (var field : new TextField[] {actor, action, subjectType, subjectKey}) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        }
        actor.setId("filter-actor");
        action.setId("filter-action");
        subjectType.setId("filter-subject-type");
        subjectKey.setId("filter-subject-key");
        history.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No audit record matches these filters.");
        Grids.time(grid, "When", io.ordergate.audit.boundary.AuditView::occurredAt)
                .setFlexGrow(0);
        grid.addColumn(r -> r.actor() + " (" + r.actorType() + ")")
                .setHeader("Who")
                .setAutoWidth(true);
        grid.addColumn(io.ordergate.audit.boundary.AuditView::action)
                .setHeader("Action")
                .setAutoWidth(true);
        grid.addColumn(io.ordergate.audit.boundary.AuditView::outcome)
                .setHeader("Outcome")
                .setAutoWidth(true);
        grid.addColumn(r -> r.subjectType() == null ? "" : r.subjectType() + " " + r.subjectKey())
                .setHeader("Subject")
                .setAutoWidth(true);
        grid.addColumn(io.ordergate.audit.boundary.AuditView::requestId)
                .setHeader("Request")
                .setAutoWidth(true);
        grid.addColumn(r -> r.detail().toString())
                .setHeader("Detail")
                .setFlexGrow(1)
                .setTooltipGenerator(r -> r.detail().toString());
        grid.addColumn(r -> r.sealSeq() == null ? "not yet" : String.valueOf(r.sealSeq()))
                .setHeader("Seal")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(
                query -> historyMode()
                        ? search
                                .history(
                                        subjectType.getValue().strip(),
                                        subjectKey.getValue().strip())
                                .stream()
                                .skip(query.getOffset())
                                .limit(query.getLimit())
                        : Paging.window(
                                query.getOffset(),
                                query.getLimit(),
                                page -> search.search(filter(), page).items()),
                query -> (int)
                        (historyMode()
                                ? search.history(
                                                subjectType.getValue().strip(),
                                                subjectKey.getValue().strip())
                                        .size()
                                : search.search(filter(), new Page.Request(0, 1))
                                        .total()));

        var verify = new Button("Verify chain", click -> verify());
        verify.setId("verify-chain");
        verification.setId("verification");
        var csv = download("csv");
        var json = download("json");
        var filters = new HorizontalLayout(actor, action, subjectType, subjectKey, history);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        var actions = new HorizontalLayout(verify, verification, csv, json);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Audit trail"), filters, actions, grid);
        expand(grid);
        addAttachListener(attach -> BrowserTime.whenKnown(
                attach.getUI(), zone -> grid.getDataProvider().refreshAll()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        first(parameters.get("subjectType"), subjectType);
        first(parameters.get("subjectKey"), subjectKey);
        first(parameters.get("actor"), actor);
        first(parameters.get("action"), action);
        history.setValue(parameters.containsKey("subjectKey") && parameters.containsKey("subjectType"));
    }

    static void first(java.util.List<String> values, TextField field) {
        if (values != null && !values.isEmpty()) {
            field.setValue(values.get(0));
        }
    }

    boolean historyMode() {
        return history.getValue()
                && !subjectType.getValue().isBlank()
                && !subjectKey.getValue().isBlank();
    }

    AuditFilter filter() {
        return new AuditFilter(
                blank(actor.getValue()),
                blank(action.getValue()),
                null,
                blank(subjectType.getValue()),
                blank(subjectKey.getValue()),
                null,
                null);
    }

    Anchor download(String format) {
        DownloadHandler export = event -> {
            event.setFileName("ordergate-audit." + format);
            event.setContentType("csv".equals(format) ? "text/csv" : "application/json");
            // the filters as they are when the link is followed; the export itself is audited
            search.export(
                    filter(),
                    format,
                    event.getOutputStream(),
                    event.getRequest().getUserPrincipal().getName());
        };
        var link = new Anchor(export, "Export " + format.toUpperCase(java.util.Locale.ROOT));
        link.getElement().setAttribute("download", true);
        link.setId("export-" + format);
        return link;
    }

    void verify() {
        var result = seals.verify(CurrentUser.actor());
        if (result.intact()) {
            verification.setText("Intact: verified up to seal " + result.verifiedUpTo() + " ("
                    + result.unsealedRecords()
                    + " waiting to be sealed); head "
                    + (result.headHash() == null ? "-" : result.headHash().substring(0, 16) + "…"));
            Notification.show(
                            "Audit chain intact up to seal " + result.verifiedUpTo() + ".",
                            6000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            // A chain can be intact link by link and still be broken: records that were never sealed
            // nor queued (deleted from the queue) have no seal to name.
            var where = result.firstBrokenSeal() == null
                    ? ""
                    : " at seal " + result.firstBrokenSeal() + " (record " + result.firstBrokenRecord() + ")";
            verification.setText(
                    "BROKEN" + where + ": " + result.problem() + "; verified up to seal " + result.verifiedUpTo());
            Notification.show("Audit chain broken" + where + ": " + result.problem(), 0, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

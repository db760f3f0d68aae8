package io.ordergate.console.delegations;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.ordergate.audit.boundary.AuditEntry;
import io.ordergate.audit.boundary.AuditTrail;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Paging;
import io.ordergate.credentials.boundary.AuthenticatedUser;
import io.ordergate.scayle.boundary.DelegationSummary;
import io.ordergate.scayle.boundary.Delegations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * The SCAYLE delegations, newest first, paged in the database as the grid scrolls; filtered by
 * merchant and by reference (the delegation's or the order's). A row opens its detail.
 */
@Route(value = "delegations", layout = MainLayout.class)
@PageTitle("Delegations · OrderGate")
@RolesAllowed({AuthenticatedUser.ADMIN, AuthenticatedUser.STAFF, AuthenticatedUser.AUDITOR})
public class DelegationsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final TextField merchantKey = new TextField("Merchant key");
    final TextField referenceKey = new TextField("Reference key");
    final Grid<DelegationSummary> grid = new Grid<>(DelegationSummary.class, false);

    @Inject
    Delegations delegations;

    @Inject
    AuditTrail audit;

    public DelegationsView() {
        setId("delegations");
        setSizeFull();
        for (var field : new TextField[] {merchantKey, referenceKey}) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        }
        merchantKey.setId("filter-merchant");
        referenceKey.setId("filter-reference");
        referenceKey.setHelperText("also matches the order reference");
        var filters = new HorizontalLayout(merchantKey, referenceKey);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(d -> BrowserTime.format(d.receivedAt())).setHeader("Received")
                .setTooltipGenerator(d -> BrowserTime.utc(d.receivedAt())).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DelegationSummary::merchantKey).setHeader("Merchant").setAutoWidth(true);
        grid.addColumn(DelegationSummary::referenceKey).setHeader("Reference").setAutoWidth(true);
        grid.addColumn(DelegationSummary::orderReferenceKey).setHeader("Order reference").setAutoWidth(true);
        grid.addColumn(DelegationSummary::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(d -> d.conflict() ? "conflict" : "").setHeader("Conflict").setAutoWidth(true);
        grid.addColumn(DelegationSummary::itemCount).setHeader("Items").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(DelegationSummary::customerEmail).setHeader("Customer e-mail").setAutoWidth(true);
        grid.setItems(query -> Paging.window(query.getOffset(), query.getLimit(), page -> {
            var result = delegations.list(filter(), page);
            if (page.page() == 0) {
                listed(result.total());
            }
            return result.items();
        }), query -> (int) Math.min(Integer.MAX_VALUE, delegations.count(filter())));
        grid.addItemClickListener(click -> click.getSource().getUI().ifPresent(ui -> ui.navigate(
                DelegationDetailView.class, new RouteParameters(Map.of(
                        DelegationDetailView.MERCHANT_KEY, click.getItem().merchantKey(),
                        DelegationDetailView.REFERENCE_KEY, click.getItem().referenceKey())))));

        add(new H2("Delegations"), filters, grid);
        expand(grid);
        // Rows were formatted in UTC if the browser's zone was not known yet.
        addAttachListener(attach -> BrowserTime.whenKnown(attach.getUI(), zone -> grid.getDataProvider().refreshAll()));
    }

    Delegations.Filter filter() {
        return new Delegations.Filter(blankToNull(merchantKey.getValue()), blankToNull(referenceKey.getValue()), null,
                null, null, null);
    }

    /** The list shows customer e-mails: who looked, with which filter, is part of the trail (as in the admin API). */
    void listed(long total) {
        audit.record(AuditEntry.byUser(CurrentUser.actor(), "scayle.delegations.listed", "scayle-delegations", null,
                Map.of("filter", filter().toString(), "total", String.valueOf(total), "channel", "console")));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package io.ordergate.console.delegations;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.ordergate.audit.boundary.Reader;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Grids;
import io.ordergate.console.ui.Paging;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.scayle.boundary.DelegationFilter;
import io.ordergate.scayle.boundary.DelegationSort;
import io.ordergate.scayle.boundary.DelegationStatus;
import io.ordergate.scayle.boundary.DelegationSummary;
import io.ordergate.scayle.boundary.ReceivedDelegations;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The SCAYLE delegations, paged and sorted in the database as the grid scrolls; filtered by
 * merchant, status, conflicts, received date range (the user's days) and a free text that finds an
 * order by its reference, order reference, an item's SKU or the customer's e-mail. The filters are
 * also query parameters ({@code ?status=cancelled&conflict=true&from=2026-11-17&to=2026-11-23&q=...}),
 * so the dashboard's numbers link to the list they count. A row opens its detail.
 */
@Route(value = "delegations", layout = MainLayout.class)
@PageTitle("Delegations · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
public class DelegationsView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    static final String ANY = "any";

    final TextField merchantKey = new TextField("Merchant key");
    final TextField text = new TextField("Reference, SKU or e-mail");
    final Select<String> status = new Select<>();
    final Checkbox conflicts = new Checkbox("Conflicts only");
    final DatePicker from = new DatePicker("Received from");
    final DatePicker to = new DatePicker("Received to");
    final Span total = new Span();
    final Grid<DelegationSummary> grid = new Grid<>(DelegationSummary.class, false);

    final ReceivedDelegations delegations;

    @Inject
    public DelegationsView(ReceivedDelegations delegations) {
        this.delegations = delegations;
        setId("delegations");
        setSizeFull();
        for (var field : new TextField[] {merchantKey, text}) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(change -> refresh());
        }
        merchantKey.setId("filter-merchant");
        text.setId("filter-text");
        text.setHelperText("exact value: order or delegation reference, SKU, customer e-mail");
        status.setLabel("Status");
        status.setId("filter-status");
        status.setItems(ANY, "acknowledged", "cancelled");
        status.setValue(ANY);
        status.addValueChangeListener(change -> refresh());
        conflicts.setId("filter-conflict");
        conflicts.addValueChangeListener(change -> refresh());
        from.setId("filter-from");
        to.setId("filter-to");
        for (var picker : new DatePicker[] {from, to}) {
            picker.setClearButtonVisible(true);
            picker.addValueChangeListener(change -> refresh());
        }
        to.setHelperText("inclusive");
        total.setId("delegations-total");
        var filters = new FlexLayout(merchantKey, text, status, from, to, conflicts, total);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No delegation matches these filters.");
        var received = Grids.time(grid, "Received", DelegationSummary::receivedAt)
                .setFlexGrow(0)
                .setSortable(true)
                .setSortProperty("received");
        grid.addColumn(DelegationSummary::merchantKey)
                .setHeader("Merchant")
                .setAutoWidth(true)
                .setSortable(true)
                .setSortProperty("merchant");
        grid.addColumn(DelegationSummary::referenceKey)
                .setHeader("Reference")
                .setAutoWidth(true)
                .setSortable(true)
                .setSortProperty("reference");
        grid.addColumn(DelegationSummary::orderReferenceKey)
                .setHeader("Order reference")
                .setAutoWidth(true);
        grid.addColumn(d -> LowerCaseEnum.wire(d.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(d -> d.conflict() ? "conflict" : "")
                .setHeader("Conflict")
                .setAutoWidth(true);
        grid.addColumn(DelegationSummary::itemCount)
                .setHeader("Items")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(DelegationSummary::customerEmail)
                .setHeader("Customer e-mail")
                .setAutoWidth(true);
        grid.sort(List.of(new GridSortOrder<>(received, SortDirection.DESCENDING)));
        grid.setItems(
                query -> Paging.window(
                        query.getOffset(),
                        query.getLimit(),
                        page -> delegations.items(filter(), sort(query.getSortOrders()), page)),
                query -> {
                    // The facade records the listing (it shows customer e-mails) with its filter.
                    long count = delegations.count(filter(), Reader.console(CurrentUser.actor()));
                    listed(count);
                    return (int) Math.min(Integer.MAX_VALUE, count);
                });
        grid.addItemClickListener(click -> click.getSource()
                .getUI()
                .ifPresent(ui -> ui.navigate(
                        DelegationDetailView.class,
                        new RouteParameters(Map.of(
                                DelegationDetailView.MERCHANT_KEY,
                                        click.getItem().merchantKey(),
                                DelegationDetailView.REFERENCE_KEY,
                                        click.getItem().referenceKey())))));

        add(new H2("Delegations"), filters, grid);
        expand(grid);
        // Rows were formatted in UTC if the browser's zone was not known yet.
        addAttachListener(attach -> BrowserTime.whenKnown(attach.getUI(), zone -> refresh()));
    }

    /** Filters from the URL: {@code merchant, q, status, conflict, from, to} (dates as yyyy-MM-dd). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        first(parameters, "merchant").ifPresent(merchantKey::setValue);
        first(parameters, "q").ifPresent(text::setValue);
        first(parameters, "status")
                .filter(s -> List.of("acknowledged", "cancelled").contains(s))
                .ifPresent(status::setValue);
        first(parameters, "conflict").ifPresent(c -> conflicts.setValue(Boolean.parseBoolean(c)));
        first(parameters, "from").flatMap(DelegationsView::date).ifPresent(from::setValue);
        first(parameters, "to").flatMap(DelegationsView::date).ifPresent(to::setValue);
    }

    static java.util.Optional<String> first(Map<String, List<String>> parameters, String name) {
        var values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? java.util.Optional.empty()
                : java.util.Optional.of(values.get(0));
    }

    static java.util.Optional<LocalDate> date(String value) {
        try {
            return java.util.Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
    }

    DelegationFilter filter() {
        var zone = BrowserTime.zone();
        return new DelegationFilter(
                blankToNull(merchantKey.getValue()),
                null,
                ANY.equals(status.getValue()) ? null : DelegationStatus.ofFilter(status.getValue()),
                conflicts.getValue() ? Boolean.TRUE : null,
                from.getValue() == null
                        ? null
                        : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null
                        ? null
                        : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                blankToNull(text.getValue()));
    }

    static DelegationSort sort(List<QuerySortOrder> orders) {
        if (orders.isEmpty()) {
            return DelegationSort.NEWEST;
        }
        var order = orders.get(0);
        return switch (order.getSorted()) {
            case "merchant" -> DelegationSort.MERCHANT;
            case "reference" -> DelegationSort.REFERENCE;
            default -> order.getDirection() == SortDirection.ASCENDING ? DelegationSort.OLDEST : DelegationSort.NEWEST;
        };
    }

    void listed(long count) {
        total.setText(count + (count == 1 ? " delegation" : " delegations"));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

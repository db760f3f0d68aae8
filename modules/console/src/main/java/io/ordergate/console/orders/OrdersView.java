package io.ordergate.console.orders;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.ordergate.audit.boundary.Reader;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.console.ui.Grids;
import io.ordergate.console.ui.Paging;
import io.ordergate.fulfilment.boundary.FulfilmentOrders;
import io.ordergate.fulfilment.boundary.OrderFilter;
import io.ordergate.fulfilment.boundary.OrderSort;
import io.ordergate.fulfilment.boundary.OrderState;
import io.ordergate.fulfilment.boundary.OrderSummary;
import io.ordergate.platform.boundary.LowerCaseEnum;
import io.ordergate.platform.boundary.Page;
import io.ordergate.platform.boundary.ProblemException;
import io.ordergate.platform.boundary.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The orders of both platforms as the warehouse sees them, newest first, paged in the database as
 * the grid scrolls; filtered by status, platform, merchant, SKU, "needs attention" and "not shipped
 * after N days". Each row sums its items' units. The filters are the page's query parameters
 * ({@code ?status=open&platform=scayle&merchant=m&sku=SKU-1&attention=true&notShippedAfter=3}),
 * kept in the address as they change, so a link (the dashboard's, a colleague's) opens the same
 * list. A row opens its order.
 */
@Route(value = "orders", layout = MainLayout.class)
@PageTitle("Orders · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
public class OrdersView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    static final String ANY = "any";
    static final List<String> STATUSES =
            Arrays.stream(OrderState.values()).map(LowerCaseEnum::wire).toList();

    final Select<String> status = new Select<>();
    final Select<String> platform = new Select<>();
    final TextField merchantKey = new TextField("Merchant key");
    final TextField sku = new TextField("SKU");
    final IntegerField notShippedAfter = new IntegerField("Not shipped after (days)");
    final Checkbox attention = new Checkbox("Needs attention");
    final Span total = new Span();
    final Span problem = new Span();
    final Grid<OrderSummary> grid = new Grid<>(OrderSummary.class, false);

    final FulfilmentOrders orders;
    /** What was wrong with the link's filters: said until the user changes a filter; the rest applies. */
    String linkProblem;
    /** While the link's filters are put into the fields, their changes are not the user's. */
    boolean applyingLink;

    @Inject
    public OrdersView(FulfilmentOrders orders) {
        this.orders = orders;
        setId("orders");
        setSizeFull();
        status.setLabel("Status");
        status.setId("filter-status");
        status.setItems(Stream.concat(Stream.of(ANY), STATUSES.stream()).toList());
        status.setValue(ANY);
        platform.setLabel("Platform");
        platform.setId("filter-platform");
        platform.setItems(
                Stream.concat(Stream.of(ANY), OrderFilter.SOURCES.stream()).toList());
        platform.setValue(ANY);
        for (var select : List.of(status, platform)) {
            select.addValueChangeListener(change -> changed());
        }
        merchantKey.setId("filter-merchant");
        sku.setId("filter-sku");
        sku.setHelperText("exact, any item");
        for (var field : List.of(merchantKey, sku)) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setMaxLength(OrderFilter.MAX_TEXT);
            field.addValueChangeListener(change -> changed());
        }
        notShippedAfter.setId("filter-not-shipped");
        notShippedAfter.setHelperText("received longer ago, units left to ship");
        notShippedAfter.setMin(0);
        notShippedAfter.setMax(FulfilmentOrders.MAX_DAYS);
        notShippedAfter.setClearButtonVisible(true);
        notShippedAfter.setValueChangeMode(ValueChangeMode.LAZY);
        notShippedAfter.addValueChangeListener(change -> changed());
        // typing something that is no number leaves the value empty and only marks the field
        notShippedAfter.addValidationStatusChangeListener(change -> refresh());
        attention.setId("filter-attention");
        attention.addValueChangeListener(change -> changed());
        total.setId("orders-total");
        problem.setId("filter-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        var filters = new FlexLayout(status, platform, merchantKey, sku, notShippedAfter, attention, total, problem);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-m)");

        grid.setId("orders-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No order matches these filters.");
        var received = Grids.time(grid, "Received", OrderSummary::receivedAt)
                .setFlexGrow(0)
                .setSortable(true)
                .setSortProperty("received");
        grid.addColumn(OrderSummary::source).setHeader("Platform").setAutoWidth(true);
        grid.addColumn(OrderSummary::merchantKey).setHeader("Merchant").setAutoWidth(true);
        grid.addColumn(OrderSummary::reference).setHeader("Reference").setAutoWidth(true);
        grid.addColumn(o -> LowerCaseEnum.wire(o.status())).setHeader("Status").setAutoWidth(true);
        grid.addColumn(o -> marker(o.attention()))
                .setHeader("Attention")
                .setAutoWidth(true)
                .setTooltipGenerator(OrderSummary::attention);
        grid.addColumn(o -> o.units().text()).setHeader("Units").setAutoWidth(true);
        grid.sort(List.of(new GridSortOrder<>(received, SortDirection.DESCENDING)));
        grid.setItems(
                query -> {
                    var filter = filter();
                    var sort = sort(query.getSortOrders());
                    return filter == null
                            ? Stream.empty()
                            : Paging.window(query.getOffset(), query.getLimit(), page -> items(filter, sort, page));
                },
                query -> {
                    var filter = filter();
                    long count = filter == null ? 0 : count(filter);
                    total.setText(count + (count == 1 ? " order" : " orders"));
                    return (int) Math.min(Integer.MAX_VALUE, count);
                });
        grid.addItemClickListener(click -> click.getSource()
                .getUI()
                .ifPresent(ui -> ui.navigate(
                        OrderView.class,
                        new RouteParameters(OrderView.ORDER_ID, click.getItem().orderId()))));

        add(new H2("Orders"), filters, grid);
        expand(grid);
        // Rows were formatted in UTC if the browser's zone was not known yet.
        addAttachListener(attach -> BrowserTime.whenKnown(attach.getUI(), zone -> refresh()));
    }

    /** The filters of the link; what cannot be used is left out and said above the list. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var link = LinkFilters.parse(event.getLocation().getQueryParameters().getParameters());
        applyingLink = true;
        try {
            status.setValue(link.status() == null ? ANY : link.status());
            platform.setValue(link.platform() == null ? ANY : link.platform());
            merchantKey.setValue(link.merchantKey() == null ? "" : link.merchantKey());
            sku.setValue(link.sku() == null ? "" : link.sku());
            notShippedAfter.setValue(link.notShippedAfter());
            attention.setValue(link.attention());
        } finally {
            applyingLink = false;
        }
        linkProblem = link.problems().isEmpty() ? null : String.join(" ", link.problems());
        refresh();
    }

    /** The filters a link asks for, as the fields take them, and what could not be used. */
    record LinkFilters(
            String status,
            String platform,
            String merchantKey,
            String sku,
            Integer notShippedAfter,
            boolean attention,
            List<String> problems) {

        static LinkFilters parse(Map<String, List<String>> parameters) {
            var problems = new ArrayList<String>();
            var status = first(parameters, "status");
            if (status != null && !STATUSES.contains(status)) {
                problems.add("There is no status '" + status + "'; the statuses are " + String.join(", ", STATUSES)
                        + ". Showing all.");
                status = null;
            }
            var platform = first(parameters, "platform");
            if (platform != null && !OrderFilter.SOURCES.contains(platform)) {
                problems.add("There is no platform '" + platform + "'; the platforms are "
                        + String.join(", ", OrderFilter.SOURCES) + ". Showing both.");
                platform = null;
            }
            Integer days = null;
            var daysText = first(parameters, "notShippedAfter");
            if (daysText != null) {
                try {
                    days = Integer.valueOf(daysText);
                } catch (NumberFormatException e) {
                    days = -1;
                }
                if (days < 0 || days > FulfilmentOrders.MAX_DAYS) {
                    problems.add("'notShippedAfter' in the link is not a number of days from 0 to "
                            + FulfilmentOrders.MAX_DAYS + ": '" + daysText + "'; left out.");
                    days = null;
                }
            }
            return new LinkFilters(
                    status,
                    platform,
                    text(parameters, "merchant", problems),
                    text(parameters, "sku", problems),
                    days,
                    "true".equals(first(parameters, "attention")),
                    List.copyOf(problems));
        }

        static String text(Map<String, List<String>> parameters, String name, List<String> problems) {
            var value = first(parameters, name);
            if (value != null && value.length() > OrderFilter.MAX_TEXT) {
                problems.add(
                        "'" + name + "' in the link is longer than " + OrderFilter.MAX_TEXT + " characters; left out.");
                return null;
            }
            return value;
        }

        static String first(Map<String, List<String>> parameters, String name) {
            var values = parameters.getOrDefault(name, List.of());
            return values.isEmpty() || values.get(0).isBlank()
                    ? null
                    : values.get(0).strip();
        }
    }

    /** The query parameters that open the list with these filters (none for "any"). */
    static Map<String, String> parameters(OrderFilter filter) {
        var parameters = new LinkedHashMap<String, String>();
        if (filter.status() != null) {
            parameters.put("status", LowerCaseEnum.wire(filter.status()));
        }
        if (filter.source() != null) {
            parameters.put("platform", filter.source());
        }
        if (filter.merchantKey() != null) {
            parameters.put("merchant", filter.merchantKey());
        }
        if (filter.sku() != null) {
            parameters.put("sku", filter.sku());
        }
        if (Boolean.TRUE.equals(filter.attention())) {
            parameters.put("attention", "true");
        }
        if (filter.notShippedAfterDays() != null) {
            parameters.put("notShippedAfter", String.valueOf(filter.notShippedAfterDays()));
        }
        return parameters;
    }

    void changed() {
        if (applyingLink) {
            return;
        }
        linkProblem = null;
        var filter = filter();
        if (filter != null) {
            // the address says what the list shows, so it can be shared or bookmarked
            getUI().ifPresent(ui -> ui.getPage()
                    .getHistory()
                    .replaceState(null, new Location("orders", QueryParameters.simple(parameters(filter)))));
        }
        refresh();
    }

    /** The filter as the facade takes it, or null (the reason shown) when the input is not usable. */
    OrderFilter filter() {
        if (problem() != null) {
            return null;
        }
        return new OrderFilter(
                ANY.equals(status.getValue()) ? null : LowerCaseEnum.parse(OrderState.class, status.getValue()),
                ANY.equals(platform.getValue()) ? null : platform.getValue(),
                blankToNull(merchantKey.getValue()),
                blankToNull(sku.getValue()),
                attention.getValue() ? Boolean.TRUE : null,
                notShippedAfter.getValue());
    }

    String problem() {
        return problem(notShippedAfter.isInvalid(), notShippedAfter.getValue());
    }

    /** @param badInput the field holds something that is no whole number (its value is then empty) */
    static String problem(boolean badInput, Integer days) {
        if (days != null && (days < 0 || days > FulfilmentOrders.MAX_DAYS)) {
            return "Not shipped after: a whole number of days from 0 to " + FulfilmentOrders.MAX_DAYS + ", not " + days
                    + ".";
        }
        if (badInput) {
            return "Not shipped after: a whole number of days from 0 to " + FulfilmentOrders.MAX_DAYS + ".";
        }
        return null;
    }

    static OrderSort sort(List<QuerySortOrder> orders) {
        return !orders.isEmpty() && orders.get(0).getDirection() == SortDirection.ASCENDING
                ? OrderSort.OLDEST
                : OrderSort.NEWEST;
    }

    /** The attention column: a marker when staff should look, the reason on hover. */
    static String marker(String attention) {
        return attention == null ? "" : "⚠ needs attention";
    }

    /** One page, unaudited: the grid's count records the listing once. */
    List<OrderSummary> items(OrderFilter filter, OrderSort sort, Page.Request page) {
        try {
            return orders.items(filter, sort, page);
        } catch (ProblemException e) {
            problem.setText(e.problem().detail());
            return List.of();
        }
    }

    long count(OrderFilter filter) {
        try {
            return orders.count(filter, Reader.console(CurrentUser.actor()));
        } catch (ProblemException e) {
            problem.setText(e.problem().detail());
            return 0;
        }
    }

    void refresh() {
        var message = problem();
        if (message == null) {
            message = linkProblem;
        }
        problem.setText(message == null ? "" : message);
        if (problem() != null) {
            total.setText("");
        }
        grid.getDataProvider().refreshAll();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

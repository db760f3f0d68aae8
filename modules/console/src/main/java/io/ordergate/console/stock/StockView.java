package io.ordergate.console.stock;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ordergate.console.access.CurrentUser;
import io.ordergate.console.layout.MainLayout;
import io.ordergate.console.ui.BrowserTime;
import io.ordergate.platform.boundary.ClientAddress;
import io.ordergate.platform.boundary.Roles;
import io.ordergate.stock.boundary.Stock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Stock: the levels as the ERP and staff counted them with what orders reserved, what each order
 * item holds, the journal of every change, and (admins and staff) an upload of levels as CSV with
 * a preview. Tabs {@code ?tab=levels|reservations|journal|upload}.
 */
@Route(value = "stock", layout = MainLayout.class)
@PageTitle("Stock · OrderGate")
@RolesAllowed({Roles.ADMIN, Roles.STAFF, Roles.AUDITOR})
public class StockView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    final TabSheet tabs = new TabSheet();
    final List<String> names = new ArrayList<>();
    final LevelsPanel levels;
    final ReservationsPanel reservations;
    final JournalPanel journal;
    final UploadPanel upload;

    @Inject
    public StockView(Stock stock, ClientAddress clientAddress) {
        setId("stock");
        setSizeFull();
        levels = new LevelsPanel(stock);
        reservations = new ReservationsPanel(stock);
        journal = new JournalPanel(stock);
        tabs.setId("stock-tabs");
        tabs.setSizeFull();
        tab("levels", "Levels", levels);
        tab("reservations", "Reservations", reservations);
        tab("journal", "Journal", journal);
        // auditors change nothing: no upload for them (and Stock.upload refuses them anyway)
        upload = CurrentUser.mayChange() ? new UploadPanel(stock, clientAddress, this::refresh) : null;
        if (upload != null) {
            tab("upload", "Upload CSV", upload);
        }
        // a tab shows what is stored when it is opened, not when the page was
        tabs.addSelectedChangeListener(change -> refresh());
        add(new H2("Stock"), tabs);
        expand(tabs);
        // rows were formatted in UTC if the browser's zone was not known yet
        addAttachListener(attach -> BrowserTime.whenKnown(attach.getUI(), zone -> refresh()));
    }

    void tab(String name, String label, com.vaadin.flow.component.Component panel) {
        names.add(name);
        tabs.add(label, panel).setId("tab-" + name);
    }

    void refresh() {
        levels.refresh();
        reservations.refresh();
        journal.refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var wanted = event.getLocation().getQueryParameters().getParameters().get("tab");
        if (wanted != null && !wanted.isEmpty() && names.contains(wanted.get(0))) {
            tabs.setSelectedIndex(names.indexOf(wanted.get(0)));
        }
    }
}

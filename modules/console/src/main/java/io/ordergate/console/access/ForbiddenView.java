package io.ordergate.console.access;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import io.ordergate.console.layout.MainLayout;
import jakarta.servlet.http.HttpServletResponse;

/** What a user sees instead of a view their roles do not allow (HTTP 403). */
@PageTitle("Forbidden · OrderGate")
@ParentLayout(MainLayout.class)
public class ForbiddenView extends Div implements HasErrorParameter<Forbidden> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Forbidden> parameter) {
        removeAll();
        setId("forbidden");
        getStyle().set("padding", "var(--lumo-space-m)");
        add(
                new H2("Forbidden"),
                new Paragraph(
                        parameter.hasCustomMessage() ? parameter.getCustomMessage() : "You may not open this page."),
                new Paragraph("Ask an admin if you need it."));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}

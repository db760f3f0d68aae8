package io.ordergate.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The URLs partners are told to call: {@code ORDERGATE_PUBLIC_URL} plus a path. The admin API and
 * the console show the same ones, built here.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "ordergate.public.url")
    String publicUrl;

    /** The base without a trailing slash, e.g. {@code https://orders.example.com}. */
    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Base + path ({@code path} starts with {@code /}). */
    public String of(String path) {
        return base() + path;
    }

    /** Base + path with {@code user:password@} in the authority, for partners that take credentials in the URL. */
    public String withUserInfo(String path, String user, String password) {
        var base = URI.create(base());
        var basePath = base.getRawPath() == null ? "" : base.getRawPath();
        return base.getScheme() + "://" + user + ":" + password + "@" + base.getRawAuthority() + basePath + path;
    }
}

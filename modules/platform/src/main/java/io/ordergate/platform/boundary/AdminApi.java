package io.ordergate.platform.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a JAX-RS resource of the admin API. It binds the filters that every admin resource needs
 * besides the guard (the JSON-only, bounded request bodies of the credentials module); the guard
 * itself, {@link AdminApiDoor}, protects every resource under {@code admin} whether or not it
 * carries this annotation. Here, in the platform, so that any module can mark its admin resources
 * without depending on the credentials module.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminApi {}

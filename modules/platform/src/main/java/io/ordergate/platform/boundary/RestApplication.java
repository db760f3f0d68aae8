package io.ordergate.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All REST endpoints live below /api; resources and providers are discovered in every module. */
@ApplicationPath("api")
public class RestApplication extends Application {}

package org.portal.licensing.settings;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The modules a main product is to contain from now on. */
public record ProductModules(@NotNull @Size(min = 1, max = 100) Set<@NotBlank @Size(max = 100) String> modules) {
}

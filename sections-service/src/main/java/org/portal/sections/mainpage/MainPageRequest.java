package org.portal.sections.mainpage;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An edition's main page: its widgets, top to bottom. */
public record MainPageRequest(@NotNull @Size(max = 20) List<@Valid @NotNull Widget> widgets) {
}

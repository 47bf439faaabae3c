package org.portal.sections.mainpage;

import java.util.List;

/** The caller's main page: their edition's widgets that apply to them, each with its data. */
public record MainPageView(String edition, List<FilledWidget> widgets) {
}

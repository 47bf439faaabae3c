package org.portal.sections.mainpage;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A widget with its data: popular articles (a list of articles), my open cases (cases and their
 * number), my pending approvals (approvals and their number); none for the others.
 */
public record FilledWidget(Widget widget,
        @Schema(description = "The widget's data; its shape follows widget.type") Object data) {
}

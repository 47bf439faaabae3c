package org.portal.sections.cases;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** A case's contact's satisfaction with its resolution: 1 (poor) to 5 (excellent), and what they add. */
public record NewRating(@Min(1) @Max(5) int rating, @Size(max = 2000) String comment) {
}

package org.portal.sections.cases;

import java.util.List;

/** A case's rating (null until its contact rates it) and every rejected resolution, oldest first. */
public record CaseFeedbackView(RatingView rating, List<RejectionView> rejections) {
}

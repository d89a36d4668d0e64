package jp.tsunagu.request;

import jp.tsunagu.shared.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of a request's and an assignment's status, on the entities themselves. */
class RequestStatusTest {

    private static Assignment proposal() {
        SupportRequest q = new SupportRequest();
        q.proposed();
        Assignment a = new Assignment();
        a.request = q;
        return a;
    }

    @Test
    void startingToCoordinateMovesReceivedToMatchingOnce() {
        SupportRequest q = new SupportRequest();
        assertTrue(q.startMatching());
        assertEquals(RequestStatus.MATCHING, q.status);
        assertFalse(q.startMatching(), "already 調整中: nothing changes");
        q.proposed();
        ProblemException e = assertThrows(ProblemException.class, q::startMatching);
        assertEquals(409, e.status());
        assertEquals("request-not-open", e.type());
    }

    @Test
    void theRequestFollowsItsAssignment() {
        Assignment a = proposal();
        assertFalse(a.move(AssignmentStatus.ACCEPTED), "accepting keeps the supporter's place");
        assertEquals(RequestStatus.ACTIVE, a.request.status);
        assertTrue(a.move(AssignmentStatus.COMPLETED), "completing gives the place back");
        assertEquals(RequestStatus.COMPLETED, a.request.status);

        Assignment declined = proposal();
        assertTrue(declined.move(AssignmentStatus.DECLINED));
        assertEquals(RequestStatus.MATCHING, declined.request.status, "back to 調整中 for the next supporter");
    }

    @Test
    void aFinishedAssignmentCannotMoveAgain() {
        Assignment a = proposal();
        a.move(AssignmentStatus.DECLINED);
        for (AssignmentStatus to : AssignmentStatus.values()) {
            assertThrows(ProblemException.class, () -> a.move(to), "DECLINED → " + to);
        }
        assertThrows(ProblemException.class, () -> proposal().move(AssignmentStatus.COMPLETED), "PROPOSED → COMPLETED skips 引受");
    }

    @Test
    void aClosedRequestCanBeNeitherCancelledNorReferred() {
        SupportRequest q = new SupportRequest();
        q.cancel();
        assertEquals(RequestStatus.CANCELLED, q.status);
        assertThrows(ProblemException.class, q::cancel);
        assertThrows(ProblemException.class, () -> q.referTo(null));
        assertThrows(ProblemException.class, q::proposed);
    }
}

package dev.sextant.server.erasure;

import dev.sextant.model.Scope;
import dev.sextant.server.access.Caller;
import dev.sextant.server.access.RequiresScope;
import dev.sextant.server.audit.AuditTrail;
import dev.sextant.server.web.FieldProblem;
import dev.sextant.server.web.InvalidRequestException;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.server.web.QueryParams;
import dev.sextant.store.SextantStore;
import dev.sextant.store.erasure.ErasureReceipt;
import dev.sextant.store.erasure.ErasureStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of one end user's data in the caller's workspace (issue 8 item 7), admin only: a
 * non-admin learns nothing, not even whether the user exists. An unknown user is erased with
 * zeros (erasure is idempotent).
 */
@RestController
class ErasureController {
    private final UserErasure erasure;
    private final ErasureStore receipts;
    private final AuditTrail audit;

    ErasureController(UserErasure erasure, SextantStore store, AuditTrail audit) {
        this.erasure = erasure;
        this.receipts = store.erasure();
        this.audit = audit;
    }

    @DeleteMapping("/api/v1/users/{user_id}/data")
    @RequiresScope(Scope.ADMIN)
    ReceiptView erase(@AuthenticationPrincipal Caller caller, @PathVariable("user_id") String userId,
            HttpServletRequest request) {
        noParameters(request);
        ErasureReceipt receipt = erasure.erase(caller.workspace(), UserIds.validated(userId));
        // the receipt id and counts, nothing of the erased content (the receipt itself names the user)
        audit.record(caller, "user_data.erase", "erasure_receipt", receipt.id(), AuditTrail.details(
                "traces", receipt.deleted().traces(), "spans", receipt.deleted().spans(),
                "scores", receipt.deleted().scores(), "sessions", receipt.deleted().sessions(),
                "remaining", receipt.remaining()));
        return ReceiptView.of(caller.workspace(), receipt);
    }

    @GetMapping("/api/v1/users/{user_id}/data/erasures")
    @RequiresScope(Scope.ADMIN)
    ReceiptList list(@AuthenticationPrincipal Caller caller, @PathVariable("user_id") String userId,
            HttpServletRequest request) {
        noParameters(request);
        String id = UserIds.validated(userId);
        return new ReceiptList(receipts.receipts(caller.workspace(), id).stream()
                .map(r -> ReceiptView.of(caller.workspace(), r)).toList());
    }

    @GetMapping("/api/v1/erasures/{receipt_id}")
    @RequiresScope(Scope.ADMIN)
    ReceiptView get(@AuthenticationPrincipal Caller caller, @PathVariable("receipt_id") String receiptId,
            HttpServletRequest request) {
        noParameters(request);
        if (receiptId.length() > 64 || !receiptId.matches("[a-z0-9_]+")) {
            throw InvalidRequestException.of(FieldProblem.parameter("receipt_id",
                    "receipt ids are 1-64 characters of a-z, 0-9 and '_', as an erasure answered them"));
        }
        return receipts.receipt(caller.workspace(), receiptId).map(r -> ReceiptView.of(caller.workspace(), r))
                .orElseThrow(() -> new NotFoundException("erasure receipt", receiptId));
    }

    private static void noParameters(HttpServletRequest request) {
        QueryParams.none(request.getParameterMap());
    }

    record ReceiptList(List<ReceiptView> erasures) {}
}

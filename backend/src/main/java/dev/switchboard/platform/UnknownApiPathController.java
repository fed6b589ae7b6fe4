package dev.switchboard.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any {@code /api/**} path no endpoint serves with a 404 ProblemDetail. Without it the
 * request would fall through to the Vaadin servlet, which answers a typo in an API path with a
 * 200 HTML page; on a node without the {@code api} role every API path ends here.
 */
@RestController
class UnknownApiPathController {

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(
                        HttpStatus.NOT_FOUND,
                        "not-found",
                        "no endpoint " + request.getMethod() + " " + request.getRequestURI()
                                + " on this node; see /v3/api-docs for the API"));
    }
}

package dev.switchboard.org;

import dev.switchboard.platform.ConditionalOnNodeRole;
import dev.switchboard.platform.NodeRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of users: accounts, roles, org unit memberships. Platform admins only, except {@code /me}. */
@RestController
@RequestMapping("/api/v1/users")
@ConditionalOnNodeRole(NodeRole.API)
@Tag(name = "Users", description = "Local accounts, their roles and org unit memberships")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    record UserResponse(
            UUID id,
            String username,
            String displayName,
            String email,
            Set<UserRole> roles,
            Set<UUID> memberships,
            boolean enabled,
            Instant createdAt) {
        static UserResponse of(User u) {
            return new UserResponse(
                    u.id().value(),
                    u.username(),
                    u.displayName(),
                    u.email(),
                    u.roles(),
                    u.memberships().stream().map(OrgUnitId::value).collect(Collectors.toSet()),
                    u.enabled(),
                    u.createdAt());
        }
    }

    record CreateRequest(
            @NotBlank @Size(max = 63) String username,
            @NotBlank @Size(max = 200) String displayName,
            @Email @Size(max = 320) String email,

            @NotBlank @Size(min = UserRules.MIN_PASSWORD_LENGTH, max = 72)
            String password,

            @NotEmpty Set<UserRole> roles,
            Set<UUID> memberships) {
        @Override
        public String toString() {
            return "CreateRequest[username=" + username + "]";
        }
    }

    record UpdateRequest(
            @NotBlank @Size(max = 200) String displayName,
            @Email String email,
            @NotNull Boolean enabled) {}

    record RolesRequest(@NotEmpty Set<UserRole> roles) {}

    record MembershipsRequest(@NotNull Set<UUID> orgUnitIds) {}

    record PasswordRequest(
            @NotBlank @Size(min = UserRules.MIN_PASSWORD_LENGTH, max = 72)
            String password) {
        @Override
        public String toString() {
            return "PasswordRequest[***]";
        }
    }

    @GetMapping
    List<UserResponse> list() {
        return users.list().stream().map(UserResponse::of).toList();
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account (404 for the master key, which is no user)")
    UserResponse me(Principal principal) {
        return users.findByUsername(principal.getName())
                .map(UserResponse::of)
                .orElseThrow(() -> new OrgNotFoundException("user", principal.getName()));
    }

    @GetMapping("/{id}")
    UserResponse get(@PathVariable UUID id) {
        return UserResponse.of(users.get(new UserId(id)));
    }

    @PostMapping
    ResponseEntity<UserResponse> create(@Valid @RequestBody CreateRequest request) {
        User created = users.create(new NewUser(
                request.username(),
                request.displayName(),
                request.email(),
                request.password(),
                request.roles(),
                ids(request.memberships())));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(UserResponse.of(created));
    }

    @PatchMapping("/{id}")
    UserResponse update(@PathVariable UUID id, @Valid @RequestBody UpdateRequest request) {
        return UserResponse.of(
                users.updateProfile(new UserId(id), request.displayName(), request.email(), request.enabled()));
    }

    @PutMapping("/{id}/roles")
    UserResponse roles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return UserResponse.of(users.setRoles(new UserId(id), request.roles()));
    }

    @PutMapping("/{id}/memberships")
    UserResponse memberships(@PathVariable UUID id, @Valid @RequestBody MembershipsRequest request) {
        return UserResponse.of(users.setMemberships(new UserId(id), ids(request.orgUnitIds())));
    }

    @PutMapping("/{id}/password")
    ResponseEntity<Void> password(@PathVariable UUID id, @Valid @RequestBody PasswordRequest request) {
        users.setPassword(new UserId(id), request.password());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete = disable: the account stays for the audit trail but cannot sign in")
    ResponseEntity<Void> disable(@PathVariable UUID id) {
        User user = users.get(new UserId(id));
        users.updateProfile(user.id(), user.displayName(), user.email(), false);
        return ResponseEntity.noContent().build();
    }

    private static Set<OrgUnitId> ids(Set<UUID> ids) {
        return ids == null ? Set.of() : ids.stream().map(OrgUnitId::new).collect(Collectors.toSet());
    }
}

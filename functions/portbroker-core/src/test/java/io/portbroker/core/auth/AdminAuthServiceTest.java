package io.portbroker.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.auth.memory.InMemoryAdminUserStore;
import io.portbroker.core.auth.memory.InMemoryLoginAttemptStore;
import io.portbroker.core.auth.memory.InMemoryRefreshTokenStore;
import io.portbroker.error.AuthenticationError;
import io.portbroker.error.RateLimitError;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminAuthServiceTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String IP = "203.0.113.7";

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final InstantSource clock = now::get;
    private final InMemoryAdminUserStore users = new InMemoryAdminUserStore();
    private final InMemoryRefreshTokenStore refreshStore = new InMemoryRefreshTokenStore();
    private final PasswordHasher hasher = new PasswordHasher(PasswordHasherTest.SMALL, new SecureRandom());
    private final JwtService jwt = new JwtService(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII),
            JwtConfig.of("portbroker", "portbroker-admin"),
            clock);
    private final AdminAuthService service = serviceOver(users);
    private String password;

    @BeforeEach
    void bootstrap() {
        password =
                service.bootstrapAdmin("Root", Set.of("admin:*")).orElseThrow().password();
    }

    @Test
    void bootstrapAdmin_shouldCreateTheAdminOnce_whenCalledOnEveryStart() {
        // then: the first call (in setUp) made the account with a hashed random password
        AdminUser root = users.find("root").orElseThrow();
        assertThat(root.passwordHash()).startsWith("$argon2id$").doesNotContain(password);
        assertThat(password).hasSize(32);
        assertThat(service.bootstrapAdmin("root", Set.of("admin:*"))).isEmpty();
        assertThat(new BootstrapCredentials("root", password).toString()).doesNotContain(password);
        assertThat(root.toString()).doesNotContain(root.passwordHash());
    }

    @Test
    @Tag("error-path")
    void bootstrapAdmin_shouldRefuse_whenUsernameIsInvalid() {
        assertThatThrownBy(() -> service.bootstrapAdmin("root admin", Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.bootstrapAdmin(null, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bootstrapAdmin_shouldReturnEmpty_whenAnotherReplicaCreatedTheAdminFirst() {
        // given: a store where the account appears between the existence check and the create
        AdminUserStore racing = new AdminUserStore() {
            @Override
            public java.util.Optional<AdminUser> find(String username) {
                return java.util.Optional.empty();
            }

            @Override
            public void create(AdminUser user) {
                throw new AdminUserAlreadyExistsException(user.username());
            }

            @Override
            public boolean replacePasswordHash(String username, String expectedHash, String newHash) {
                return false;
            }
        };

        assertThat(serviceOver(racing).bootstrapAdmin("root", Set.of())).isEmpty();
    }

    @Test
    void login_shouldIssueTokensAndVerifyAccess_whenPasswordIsRight() {
        // when
        AdminTokens tokens = service.login(" ROOT", password, IP);

        // then
        assertThat(tokens.username()).isEqualTo("root");
        AdminPrincipal principal = service.verifyAccess(tokens.access().token());
        assertThat(principal).isEqualTo(new AdminPrincipal("root", Set.of("admin:*"), START));
        assertThat(principal.has("admin:*")).isTrue();
        assertThat(principal.has("admin:write")).isFalse();
        assertThat(tokens.refresh().expiresAt()).isEqualTo(START.plus(Duration.ofHours(12)));
    }

    @ParameterizedTest
    @Tag("error-path")
    @ValueSource(strings = {"nobody", "root", "not a valid name!"})
    void login_shouldGiveTheSameError_whenUserIsUnknownOrPasswordWrong(String username) {
        assertThatThrownBy(() -> service.login(username, "wrong-password", IP))
                .isExactlyInstanceOf(AuthenticationError.class)
                .hasMessage("invalid username or password");
    }

    @Test
    @Tag("error-path")
    void login_shouldRefuseWithoutHashing_whenPasswordIsHugeOrMissing() {
        assertThatThrownBy(() -> service.login("root", "x".repeat(AdminAuthService.MAX_PASSWORD_LENGTH + 1), IP))
                .hasMessage("invalid username or password");
        assertThatThrownBy(() -> service.login("root", null, IP)).hasMessage("invalid username or password");
    }

    @Test
    @Tag("error-path")
    void login_shouldLockOut_whenPasswordsAreGuessed() {
        // given
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> service.login("root", "guess", IP)).isInstanceOf(AuthenticationError.class);
        }

        // then: even the right password is refused while locked
        assertThatThrownBy(() -> service.login("root", password, IP))
                .isInstanceOfSatisfying(
                        RateLimitError.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(30));
        now.updateAndGet(t -> t.plusSeconds(30));
        assertThat(service.login("root", password, IP).username()).isEqualTo("root");
    }

    @Test
    void login_shouldUpgradeTheHash_whenItWasMadeWithOlderParameters() {
        // given
        String old = new PasswordHasher(new Argon2Params(128, 1, 1), new SecureRandom()).hash("old-params-pw");
        users.create(new AdminUser("legacy", old, Set.of("admin:read"), START));

        // when
        service.login("legacy", "old-params-pw", IP);

        // then
        String upgraded = users.find("legacy").orElseThrow().passwordHash();
        assertThat(upgraded).startsWith("$argon2id$v=19$m=256,t=1,p=1$");
        assertThat(hasher.verify("old-params-pw", upgraded)).isTrue();
        assertThat(users.replacePasswordHash("legacy", old, "x")).isFalse();
        assertThat(users.replacePasswordHash("ghost", old, "x")).isFalse();
    }

    @Test
    void refresh_shouldRotateAndKeepAuthTime_whenRefreshTokenIsValid() {
        // given
        AdminTokens first = service.login("root", password, IP);
        now.updateAndGet(t -> t.plus(Duration.ofMinutes(20)));

        // when
        RefreshOutcome outcome = service.refresh(first.refresh().token());

        // then
        AdminTokens next = ((RefreshOutcome.Refreshed) outcome).tokens();
        assertThat(next.refresh().token()).isNotEqualTo(first.refresh().token());
        AdminPrincipal principal = service.verifyAccess(next.access().token());
        assertThat(principal.authTime()).isEqualTo(START);
        assertThat(principal.scopes()).containsExactly("admin:*");
    }

    @Test
    @Tag("error-path")
    void refresh_shouldReportReuse_whenAnOldRefreshTokenIsReplayed() {
        AdminTokens first = service.login("root", password, IP);
        AdminTokens second =
                ((RefreshOutcome.Refreshed) service.refresh(first.refresh().token())).tokens();

        RefreshOutcome replay = service.refresh(first.refresh().token());

        assertThat(replay)
                .isEqualTo(
                        new RefreshOutcome.ReuseDetected("root", first.refresh().familyId()));
        assertThatThrownBy(() -> service.refresh(second.refresh().token()))
                .isExactlyInstanceOf(AuthenticationError.class)
                .hasMessage("invalid refresh token");
    }

    @Test
    @Tag("error-path")
    void refresh_shouldRefuseAndEndTheSession_whenTheAdminNoLongerExists() {
        // given: a session made while the account existed, refreshed against a store without it
        AdminTokens tokens = service.login("root", password, IP);
        AdminAuthService withoutRoot = serviceOver(new InMemoryAdminUserStore());

        // then
        assertThatThrownBy(() -> withoutRoot.refresh(tokens.refresh().token())).hasMessage("invalid refresh token");
        assertThat(refreshStore.isFamilyRevoked(tokens.refresh().familyId())).isTrue();
    }

    @Test
    void logout_shouldRevokeTheSession_whenGivenItsRefreshToken() {
        AdminTokens tokens = service.login("root", password, IP);

        assertThat(service.logout(tokens.refresh().token())).contains("root");
        assertThatThrownBy(() -> service.refresh(tokens.refresh().token())).isInstanceOf(AuthenticationError.class);
        assertThat(service.logout("pbr_" + "C".repeat(43))).isEmpty();
    }

    @Test
    @Tag("error-path")
    void verifyAccess_shouldRefuse_whenTokenIsNotValid() {
        assertThatThrownBy(() -> service.verifyAccess("not-a-jwt"))
                .isExactlyInstanceOf(AuthenticationError.class)
                .hasMessage("invalid access token");
    }

    @Test
    @Tag("error-path")
    void adminUser_shouldRefuse_whenUsernameIsNotNormalized() {
        assertThatThrownBy(() -> new AdminUser("Root", "h", Set.of(), START))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AdminUser.normalize(null)).isNull();
        assertThat(AdminUser.normalize("x".repeat(65))).isNull();
        assertThatThrownBy(() -> users.create(new AdminUser("root", "h", Set.of(), START)))
                .isInstanceOf(AdminUserAlreadyExistsException.class)
                .hasMessage("admin user already exists: root");
    }

    private AdminAuthService serviceOver(AdminUserStore store) {
        return new AdminAuthService(
                store,
                hasher,
                jwt,
                new RefreshTokens(refreshStore, RefreshConfig.ofDefaults(), clock, new SecureRandom()),
                LoginThrottle.withDefaults(new InMemoryLoginAttemptStore(), clock),
                clock,
                new SecureRandom());
    }
}

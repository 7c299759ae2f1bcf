package org.grassroots.assessment.server.pages.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.server.security.Role;
import org.grassroots.assessment.server.security.UserService;
import org.grassroots.assessment.server.security.UserService.UserRequest;
import org.grassroots.assessment.server.security.UserView;
import org.grassroots.assessment.server.web.Actor;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' accounts page (用户管理): every user with role, organization, e-mail address
 * and state; a form to add one and one to change one. Both go through {@link UserService}, exactly as
 * {@code /api/users} does (same checks, same audit); a refused form comes back with every problem
 * named by its field's Chinese label and what was typed (never the password).
 */
@Controller
class AccountPages {

    /** The Chinese label of each field a problem may name. */
    private static final Map<String, String> LABELS = Map.of("/username", "用户名", "/password", "密码",
            "/displayName", "姓名", "/role", "角色", "/orgCode", "所属组织代码", "/email", "邮箱", "/enabled", "启用");

    private final UserService users;
    private final Actor actor;

    AccountPages(UserService users, Actor actor) {
        this.users = users;
        this.actor = actor;
    }

    /** What the forms show: typed values kept when a form is refused. */
    record AccountForm(String username, String displayName, Role role, String orgCode, String email, boolean enabled) {

        static AccountForm empty() {
            return new AccountForm("", "", Role.INSPECTOR, "", "", true);
        }

        static AccountForm of(UserView u) {
            return new AccountForm(u.username(), u.displayName(), u.role(), u.orgCode() == null ? "" : u.orgCode(),
                    u.email() == null ? "" : u.email(), u.enabled());
        }
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        return listPage(model, AccountForm.empty(), List.of());
    }

    @PostMapping("/admin/users")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "") String orgCode, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "false") boolean enabled, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        AccountForm typed = new AccountForm(username.strip(), displayName, role, orgCode.strip(), email, enabled);
        try {
            UserView created = users.create(new UserRequest(username.strip(), password, displayName, role,
                    blankToNull(orgCode), enabled, email), actor.current());
            redirect.addFlashAttribute("notice", "已新增用户 " + created.username() + "（" + created.roleLabel() + "）");
            return "redirect:/admin/users";
        } catch (InvalidRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listPage(model, typed, problems(e.problems()));
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return listPage(model, typed, List.of(e.getMessage()));
        }
    }

    @GetMapping("/admin/users/{username}")
    String edit(@PathVariable String username, Model model) {
        return editPage(model, AccountForm.of(users.get(username)), List.of());
    }

    @PostMapping("/admin/users/{username}")
    String update(@PathVariable String username, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(required = false) Role role,
            @RequestParam(defaultValue = "") String orgCode, @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "false") boolean enabled, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        users.get(username);
        AccountForm typed = new AccountForm(username, displayName, role, orgCode.strip(), email, enabled);
        try {
            // an empty e-mail field removes the address; an empty password field keeps the password
            users.update(username, new UserRequest(null, password.isEmpty() ? null : password, displayName, role,
                    blankToNull(orgCode), enabled, email), actor.current());
            redirect.addFlashAttribute("notice", "已保存用户 " + username);
            return "redirect:/admin/users";
        } catch (InvalidRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editPage(model, typed, problems(e.problems()));
        } catch (ConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return editPage(model, typed, List.of(e.getMessage()));
        }
    }

    private String listPage(Model model, AccountForm form, List<String> problems) {
        model.addAttribute("users", users.all());
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("problems", problems);
        return "admin/users";
    }

    private String editPage(Model model, AccountForm form, List<String> problems) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("problems", problems);
        return "admin/user";
    }

    /** Each problem as "邮箱：不是有效的邮箱地址…". */
    private static List<String> problems(List<Problem> problems) {
        return problems.stream().map(p -> LABELS.getOrDefault(p.path(), p.path()) + "：" + p.message()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.acolhida.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Staff come to work their tasks: the home page is Tasklist. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/camunda/app/tasklist/";
	}

}

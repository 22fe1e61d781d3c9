package main

import (
	"context"
	"strings"
	"testing"
)

// The linter must find what `docker build --check` and `docker compose config` would refuse; a linter that finds
// nothing in these files would pass every real file too.
func TestDockerfileRules(t *testing.T) {
	problems, err := lintDockerfile(context.Background(), "testdata/Dockerfile.bad")
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range []string{"line 1: FromAsCasing", "line 2: MaintainerDeprecated", "line 3: LegacyKeyValueFormat",
		"line 4: DuplicateStageName", "line 4: ConsistentInstructionCasing", "line 5: WorkdirRelativePath",
		"line 6: JSONArgsRecommended"} {
		if !containsPrefix(problems, rule) {
			t.Errorf("expected %q among %q", rule, problems)
		}
	}
}

func TestComposeMissingFilesAndShellHealthcheck(t *testing.T) {
	problems, err := lintCompose(context.Background(), "testdata/compose-missing-files.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Missing.Dockerfile does not exist", "missing.conf does not exist",
		"CMD-SHELL health check uses /dev/tcp"} {
		if !containsPart(problems, want) {
			t.Errorf("expected %q among %q", want, problems)
		}
	}
}

func TestComposeModelErrors(t *testing.T) {
	for file, want := range map[string]string{
		"testdata/compose-undefined-service.yaml": `undefined service "database"`,
		"testdata/compose-bad-type.yaml":          "services.app.ports must be a",
	} {
		_, err := lintCompose(context.Background(), file)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: expected an error with %q, got %v", file, want, err)
		}
	}
}

func containsPrefix(problems []string, prefix string) bool {
	for _, problem := range problems {
		if strings.HasPrefix(problem, prefix) {
			return true
		}
	}
	return false
}

func containsPart(problems []string, part string) bool {
	for _, problem := range problems {
		if strings.Contains(problem, part) {
			return true
		}
	}
	return false
}

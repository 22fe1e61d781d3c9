// Command dockerlint checks the project's Dockerfiles and compose files without a Docker engine: each Dockerfile with
// BuildKit's own parser and the rules `docker build --check` applies, each compose file by loading it with
// compose-go as `docker compose` does (schema, interpolation, consistency), plus the files its builds and bind
// mounts name. It prints every finding and exits 1 if there was one.
//
//	go run . ../../docker/Dockerfile ../../docker/compose.yaml
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: dockerlint FILE...  (Dockerfiles and compose files)")
		os.Exit(2)
	}
	ctx := context.Background()
	findings := 0
	for _, file := range os.Args[1:] {
		var problems []string
		var err error
		if isCompose(file) {
			problems, err = lintCompose(ctx, file)
		} else {
			problems, err = lintDockerfile(ctx, file)
		}
		if err != nil {
			problems = append(problems, err.Error())
		}
		for _, problem := range problems {
			fmt.Printf("%s: %s\n", file, problem)
		}
		if len(problems) == 0 {
			fmt.Printf("%s: ok\n", file)
		}
		findings += len(problems)
	}
	if findings > 0 {
		fmt.Printf("%d problem(s)\n", findings)
		os.Exit(1)
	}
}

func isCompose(file string) bool {
	ext := filepath.Ext(file)
	return ext == ".yaml" || ext == ".yml"
}

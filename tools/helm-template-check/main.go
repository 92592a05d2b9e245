// Command helm-template-check parses (and optionally renders) the templates
// of a Helm chart with Go's text/template, the engine Helm itself uses, so a
// chart that Helm would reject is caught before a pull request proposes it.
//
// It reads one JSON request on stdin and writes one JSON answer on stdout:
//
//	request:  {"chart": {"name": "...", "version": "...", "appVersion": "..."},
//	           "release": {"name": "...", "namespace": "..."},
//	           "files": {"templates/deployment.yaml": "...", ...},
//	           "values": {...}, "render": true}
//	answer:   {"parseErrors": {"path": "message"},
//	           "renderErrors": {"path": "message"},
//	           "rendered": {"path": "text"}}
//
// Helm's functions are provided by name (see functions.go): enough of their
// behaviour to render typical charts with their default values, written for
// this check and not taken from Helm. Only the standard library is used, so
// it builds offline with Debian's golang-go.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"sort"
	"strings"
	"text/template"
)

type request struct {
	Chart   map[string]interface{} `json:"chart"`
	Release map[string]interface{} `json:"release"`
	Files   map[string]string      `json:"files"`
	Values  map[string]interface{} `json:"values"`
	Render  bool                   `json:"render"`
}

type answer struct {
	ParseErrors  map[string]string `json:"parseErrors"`
	RenderErrors map[string]string `json:"renderErrors"`
	Rendered     map[string]string `json:"rendered"`
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--version" {
		fmt.Println("helm-template-check 1")
		return
	}
	var req request
	if err := json.NewDecoder(os.Stdin).Decode(&req); err != nil {
		fmt.Fprintf(os.Stderr, "helm-template-check: bad request: %v\n", err)
		os.Exit(2)
	}
	out := check(req)
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		os.Exit(2)
	}
}

// isTemplate tells the files Helm treats as templates: everything under
// templates/ except NOTES.txt is parsed; partials (_*) are never rendered.
func isTemplate(name string) bool {
	return strings.HasPrefix(name, "templates/")
}

func isRendered(name string) bool {
	base := path.Base(name)
	return isTemplate(name) && !strings.HasPrefix(base, "_") && base != "NOTES.txt"
}

func check(req request) answer {
	out := answer{
		ParseErrors:  map[string]string{},
		RenderErrors: map[string]string{},
		Rendered:     map[string]string{},
	}
	names := make([]string, 0, len(req.Files))
	for name := range req.Files {
		if isTemplate(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)

	// Like Helm, every template of the chart lives in one set, so `include`
	// and `template` find the helpers of _helpers.tpl from any file.
	root := template.New("chart").Option("missingkey=zero")
	funcs := functionMap(root)
	root.Funcs(funcs)
	for _, name := range names {
		// Parse each file on its own first: the error then names that file.
		if _, err := template.New(name).Funcs(funcs).Parse(req.Files[name]); err != nil {
			out.ParseErrors[name] = err.Error()
			continue
		}
		if _, err := root.New(name).Parse(req.Files[name]); err != nil {
			out.ParseErrors[name] = err.Error()
		}
	}
	if !req.Render || len(out.ParseErrors) > 0 {
		return out
	}
	values := req.Values
	if values == nil {
		values = map[string]interface{}{}
	}
	for _, name := range names {
		if !isRendered(name) {
			continue
		}
		data := topLevel(req, values, name)
		var text strings.Builder
		if err := root.ExecuteTemplate(&text, name, data); err != nil {
			out.RenderErrors[name] = err.Error()
			continue
		}
		out.Rendered[name] = text.String()
	}
	return out
}

// topLevel is the `.` a chart template sees: Values, Release, Chart,
// Capabilities, Files and Template, with Helm's field names.
func topLevel(req request, values map[string]interface{}, name string) map[string]interface{} {
	chart := map[string]interface{}{"Name": "chart", "Version": "0.1.0", "AppVersion": "1.0.0"}
	for k, v := range req.Chart {
		chart[strings.ToUpper(k[:1])+k[1:]] = v
	}
	release := map[string]interface{}{
		"Name": "release", "Namespace": "default", "Service": "Helm",
		"IsInstall": true, "IsUpgrade": false, "Revision": 1,
	}
	for k, v := range req.Release {
		release[strings.ToUpper(k[:1])+k[1:]] = v
	}
	return map[string]interface{}{
		"Values":       values,
		"Release":      release,
		"Chart":        chart,
		"Capabilities": defaultCapabilities(),
		"Files":        chartFiles(req.Files),
		"Template":     map[string]interface{}{"Name": name, "BasePath": "templates"},
	}
}

print("oncall-bench: skeleton")

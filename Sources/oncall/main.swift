print("oncall: skeleton")
